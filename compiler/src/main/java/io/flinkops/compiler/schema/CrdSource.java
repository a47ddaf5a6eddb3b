package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A CRD file the user supplied: how to name it in messages, its bytes (they key the cache), and the
 * CustomResourceDefinitions in it by the group and kind they define ({@code example.com/Widget}),
 * parsed and checked once when the file is read.
 */
public record CrdSource(String name, byte[] bytes, Map<String, JsonNode> definitions) {

    /**
     * Parses the file with the same limits as every other input (size, depth, aliases, UTF-8); an
     * unreadable one, or a CRD whose schema the API server would refuse or flinkops could not apply
     * ({@link CrdSchemaShape}), is an error naming its line; a file without a CRD has no definitions.
     */
    public static CrdSource read(String name, byte[] bytes) {
        Map<String, JsonNode> definitions = new TreeMap<>();
        for (LocatedDocument doc : Reader.YAML.read(name, bytes)) {
            JsonNode root = doc.root();
            JsonNode kind = root.path("spec").path("names").path("kind");
            if ("CustomResourceDefinition".equals(root.path("kind").asText()) && kind.isTextual()) {
                Optional<CrdSchemaShape.Problem> problem = CrdSchemaShape.firstProblem(root);
                if (problem.isPresent()) {
                    throw new InputException(doc.sourceMap().best(problem.get().pointer()),
                            "CRD " + root.path("metadata").path("name").asText(kind.asText()) + ": " + problem.get().message());
                }
                definitions.putIfAbsent(key(root.path("spec").path("group").asText(), kind.asText()), root);
            }
        }
        return new CrdSource(name, bytes, Map.copyOf(definitions));
    }

    /** The CRD in this file that defines {@code kind} in {@code group}. */
    public Optional<JsonNode> definition(String group, String kind) {
        return Optional.ofNullable(definitions.get(key(group, kind)));
    }

    private static String key(String group, String kind) {
        return group + "/" + kind;
    }

    /** Built on first use: most runs read no CRD file. */
    private static final class Reader {
        static final YamlReader YAML = new YamlReader();
    }
}
