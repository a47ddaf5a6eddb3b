package io.flinkops.compiler.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.UncheckedIOException;

/**
 * Serializes object trees to YAML, the same bytes on every machine: keys in tree order, block style,
 * strings quoted whenever they could be read back as anything but the same string.
 */
public final class YamlWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build())
            .disable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private YamlWriter() {}

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whether a string is written quoted or as a block rather than plain: kustomize keeps a value that a
     * patch writes plain over such a one a string ({@code SchemalessMerge}).
     */
    public static boolean writesNonPlain(String text) {
        String written = write(TextNode.valueOf(text));
        char first = written.isEmpty() ? ' ' : written.charAt(0);
        return first == '"' || first == '\'' || first == '|' || first == '>';
    }

    /** Several objects as one multi-document stream, each introduced by {@code ---}. */
    public static String writeAll(Iterable<? extends JsonNode> nodes) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode n : nodes) {
            sb.append("---\n").append(write(n));
        }
        return sb.toString();
    }
}
