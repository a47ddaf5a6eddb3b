package io.flinkops.compiler.schema;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The nodes schemas are built of before networknt compiles them. networknt's {@code enum} validator
 * words its message from each allowed value's {@code toString()}, which Jackson makes by serializing
 * the node with an ObjectMapper: the first call initializes ObjectMapper's class, and with it the
 * JDK's calendar and locale data (for its date format), 25-45 ms of a one-file check on the thread
 * that gets there first, for nothing a check uses. A text node of these schemas writes itself as
 * JSON with Jackson's own string escaping instead; it equals and hashes as any text node of the same
 * text, so validation is unchanged, and so is the message.
 */
public final class SchemaNodes extends JsonNodeFactory {
    public static final SchemaNodes INSTANCE = new SchemaNodes();

    private SchemaNodes() {
        super(false);
    }

    @Override
    public TextNode textNode(String text) {
        return text == null ? null : new QuotedText(text);
    }

    /** A copy of {@code node} whose text nodes are this factory's (a schema read some other way). */
    public static JsonNode copy(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = INSTANCE.objectNode();
            node.properties().forEach(e -> out.set(e.getKey(), copy(e.getValue())));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = INSTANCE.arrayNode(node.size());
            node.forEach(item -> out.add(copy(item)));
            return out;
        }
        return node.isTextual() ? INSTANCE.textNode(node.textValue()) : node;
    }

    /** A text node that prints as its JSON string without an ObjectMapper. */
    static final class QuotedText extends TextNode {
        private static final long serialVersionUID = 1L;

        QuotedText(String text) {
            super(text);
        }

        @Override
        public String toString() {
            return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(textValue())) + "\"";
        }
    }
}
