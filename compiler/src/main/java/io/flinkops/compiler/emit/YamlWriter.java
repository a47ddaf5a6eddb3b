package io.flinkops.compiler.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import io.flinkops.compiler.yaml.PlainScalars;
import java.io.UncheckedIOException;

/**
 * Serializes object trees to YAML, the same bytes on every machine: keys in tree order, block style,
 * strings quoted whenever they could be read back as anything but the same string (by kubectl and by
 * kustomize: {@link PlainScalars}).
 */
public final class YamlWriter {
    /**
     * Jackson's quoting, and a quote for every text that kubectl or kustomize would read otherwise:
     * Jackson writes {@code 0x10}, {@code 1e3}, {@code 1_000}, {@code .inf} and {@code 2024-01-01}
     * plain, which arrive as 16, 1000.0, 1000, a refusal and {@code 2024-01-01T00:00:00Z}.
     */
    private static final StringQuotingChecker QUOTING = new StringQuotingChecker.Default() {
        @Override
        public boolean needToQuoteName(String name) {
            return super.needToQuoteName(name) || !PlainScalars.readBackAsText(name);
        }

        @Override
        public boolean needToQuoteValue(String value) {
            return super.needToQuoteValue(value) || !PlainScalars.readBackAsText(value);
        }
    };

    private static final ObjectMapper MAPPER = new ObjectMapper(YAMLFactory.builder()
            .stringQuotingChecker(QUOTING)
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
