package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.Set;

/**
 * Booleans and numbers read from plain YAML scalars that keep the text they were written as: YAML 1.1
 * reads {@code yes} and {@code on} as true, {@code 1.10} as 1.1 and {@code 0x10} as 16, so a message
 * that asks to quote such a value must quote what was written, not what it reads as. The nodes are
 * Jackson's own in every other respect (equal to, and written as, the value).
 */
public final class WrittenScalars {
    private WrittenScalars() {}

    /** A node that knows the text it was written as. */
    private interface Written {
        String written();
    }

    /** The text a value was written as, when it was read from YAML as a boolean or number; otherwise its text. */
    public static String text(JsonNode value) {
        return value instanceof Written w ? w.written() : value.asText();
    }

    /** Whether a value was read from YAML as a boolean or number written otherwise ({@code yes}, {@code 1.10}, {@code 010}). */
    public static boolean readOtherwise(JsonNode value) {
        return value instanceof Written;
    }

    /** The booleans of YAML 1.2: its readers take YAML 1.1's others (yes, no, on, off, y, n, capitalized or not) for text. */
    private static final Set<String> YAML12_BOOLEANS = Set.of("true", "True", "TRUE", "false", "False", "FALSE");

    /**
     * A value (and what it holds) as a YAML 1.2 reader such as kustomize's takes it: a YAML 1.1 boolean
     * written {@code yes} or {@code on} is that text, and a plain date or time is the text Go gives it,
     * {@code 2024-01-01T00:00:00Z} for {@code 2024-01-01}. (Numbers read alike.)
     */
    public static JsonNode asYaml12(JsonNode value) {
        if (value.isBoolean()) {
            return YAML12_BOOLEANS.contains(text(value)) ? value : TextNode.valueOf(text(value));
        }
        if (value instanceof PlainTimestamp timestamp) {
            return TextNode.valueOf(timestamp.inJson);
        }
        if (value instanceof ObjectNode object) {
            ObjectNode out = object.objectNode();
            object.properties().forEach(e -> out.set(e.getKey(), asYaml12(e.getValue())));
            return out;
        }
        if (value instanceof ArrayNode list) {
            ArrayNode out = list.arrayNode();
            list.forEach(item -> out.add(asYaml12(item)));
            return out;
        }
        return value;
    }

    /** {@code resolved}, remembering {@code text} when it reads as a boolean or number written otherwise. */
    static JsonNode of(JsonNode resolved, String text) {
        if (text.equals(resolved.asText())) {
            return resolved;
        }
        if (resolved.isBoolean()) {
            return new WrittenBoolean(resolved.booleanValue(), text);
        }
        if (resolved.isInt()) {
            return new WrittenInt(resolved.intValue(), text);
        }
        if (resolved.isLong()) {
            return new WrittenLong(resolved.longValue(), text);
        }
        if (resolved.isBigInteger()) {
            return new WrittenBigInteger(resolved.bigIntegerValue(), text);
        }
        if (resolved.isDouble()) {
            return new WrittenDouble(resolved.doubleValue(), text);
        }
        return resolved;
    }

    /**
     * A plain scalar as kubectl reads it when go-yaml v3 (kustomize's reader) would read it otherwise:
     * a date or time, text to both, but in another form to v3.
     */
    static JsonNode plain(JsonNode read, String text) {
        if (!read.isTextual()) {
            return read;
        }
        return GoTimestamps.inJson(text).<JsonNode>map(inJson -> new PlainTimestamp(text, inJson)).orElse(read);
    }

    /** A plain date or time: its text as written, and as it reaches JSON through go-yaml v3. */
    private static final class PlainTimestamp extends TextNode {
        private final String inJson;

        PlainTimestamp(String text, String inJson) {
            super(text);
            this.inJson = inJson;
        }
    }

    private static final class WrittenBoolean extends BooleanNode implements Written {
        private final String written;

        WrittenBoolean(boolean value, String written) {
            super(value);
            this.written = written;
        }

        @Override
        public String written() {
            return written;
        }
    }

    private static final class WrittenInt extends IntNode implements Written {
        private final String written;

        WrittenInt(int value, String written) {
            super(value);
            this.written = written;
        }

        @Override
        public String written() {
            return written;
        }
    }

    private static final class WrittenLong extends LongNode implements Written {
        private final String written;

        WrittenLong(long value, String written) {
            super(value);
            this.written = written;
        }

        @Override
        public String written() {
            return written;
        }
    }

    private static final class WrittenBigInteger extends BigIntegerNode implements Written {
        private final String written;

        WrittenBigInteger(BigInteger value, String written) {
            super(value);
            this.written = written;
        }

        @Override
        public String written() {
            return written;
        }
    }

    private static final class WrittenDouble extends DoubleNode implements Written {
        private final String written;

        WrittenDouble(double value, String written) {
            super(value);
            this.written = written;
        }

        @Override
        public String written() {
            return written;
        }
    }
}
