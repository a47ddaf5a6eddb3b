package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A CRD file the user supplied: how to name it in messages, its bytes (they key the cache), and the
 * CustomResourceDefinitions in it by the kind they define, parsed once when the file is read.
 */
public record CrdSource(String name, byte[] bytes, Map<String, JsonNode> definitions) {

    /** Parses the file; an unreadable one is an error naming it, one without a CRD has no definitions. */
    public static CrdSource read(String name, byte[] bytes) {
        Map<String, JsonNode> definitions = new TreeMap<>();
        try {
            for (JsonNode doc : CrdSchemas.Yaml.MAPPER.readerFor(JsonNode.class).<JsonNode>readValues(
                    new String(bytes, StandardCharsets.UTF_8)).readAll()) {
                JsonNode kind = doc == null ? null : doc.path("spec").path("names").path("kind");
                if (kind != null && "CustomResourceDefinition".equals(doc.path("kind").asText()) && kind.isTextual()) {
                    definitions.putIfAbsent(kind.asText(), doc);
                }
            }
        } catch (IOException | RuntimeException e) {
            throw new InputException(SourceLocation.start(name), "cannot read CRD file: " + String.valueOf(e.getMessage()).replaceAll("\\s+", " "));
        }
        return new CrdSource(name, bytes, Map.copyOf(definitions));
    }
}
