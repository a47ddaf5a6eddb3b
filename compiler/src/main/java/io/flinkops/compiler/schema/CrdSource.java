package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CRD file the user supplied: how to name it in messages, its bytes (they key the cache), and the
 * CustomResourceDefinitions in it by the kind they define, parsed once when the file is read.
 */
public record CrdSource(String name, byte[] bytes, Map<String, JsonNode> definitions) {

    /**
     * Parses the file with the same limits as every other input (size, depth, aliases, UTF-8); an
     * unreadable one is an error naming its line, one without a CRD has no definitions.
     */
    public static CrdSource read(String name, byte[] bytes) {
        Map<String, JsonNode> definitions = new TreeMap<>();
        for (LocatedDocument doc : Reader.YAML.read(name, bytes)) {
            JsonNode kind = doc.root().path("spec").path("names").path("kind");
            if ("CustomResourceDefinition".equals(doc.root().path("kind").asText()) && kind.isTextual()) {
                definitions.putIfAbsent(kind.asText(), doc.root());
            }
        }
        return new CrdSource(name, bytes, Map.copyOf(definitions));
    }

    /** Built on first use: most runs read no CRD file. */
    private static final class Reader {
        static final YamlReader YAML = new YamlReader();
    }
}
