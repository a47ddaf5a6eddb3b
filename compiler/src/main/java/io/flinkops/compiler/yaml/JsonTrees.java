package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * JSON (the files flinkops writes for itself: built-in schemas, context packs) read into trees and
 * written from them by Jackson's streaming parser and generator, with a depth limit and no
 * ObjectMapper. Numbers keep their node types both ways.
 */
public final class JsonTrees {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Deeper than any document a YAML input may hold (64 levels, {@link YamlLimits}) with what flinkops wraps it in. */
    private static final int MAX_DEPTH = 256;
    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS) // a number stays a number
            .build();

    private JsonTrees() {}

    /** One JSON document; an IOException when it is not one, or nests too deep. */
    public static JsonNode read(byte[] bytes) throws IOException {
        return read(bytes, 0, bytes.length);
    }

    /** The JSON document in {@code length} bytes from {@code offset}; nothing may follow it there. */
    public static JsonNode read(byte[] bytes, int offset, int length) throws IOException {
        return read(bytes, offset, length, NODES);
    }

    /** One JSON document, its nodes made by {@code nodes}. */
    public static JsonNode read(byte[] bytes, int offset, int length, JsonNodeFactory nodes) throws IOException {
        try (JsonParser parser = JSON.createParser(bytes, offset, length)) {
            JsonNode node = tree(parser, parser.nextToken(), 0, nodes);
            if (parser.nextToken() != null) {
                throw new IOException("more follows the document");
            }
            return node;
        }
    }

    public static JsonNode read(InputStream in) throws IOException {
        return read(in.readAllBytes());
    }

    public static JsonNode read(InputStream in, JsonNodeFactory nodes) throws IOException {
        byte[] bytes = in.readAllBytes();
        return read(bytes, 0, bytes.length, nodes);
    }

    public static void write(JsonNode node, OutputStream out) throws IOException {
        try (JsonGenerator generator = JSON.createGenerator(out)) {
            write(generator, node);
        }
    }

    /** The node whose first token is {@code token}, with all it holds. */
    private static JsonNode tree(JsonParser p, JsonToken token, int depth, JsonNodeFactory nodes) throws IOException {
        if (token == null) {
            throw new IOException("the document ends early");
        }
        if (depth > MAX_DEPTH) {
            throw new IOException("the document nests deeper than " + MAX_DEPTH + " levels");
        }
        switch (token) {
            case START_OBJECT -> {
                ObjectNode o = nodes.objectNode();
                JsonToken t = p.nextToken();
                for (; t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                    String name = p.currentName();
                    o.set(name, tree(p, p.nextToken(), depth + 1, nodes));
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new IOException("the document ends early");
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = nodes.arrayNode();
                for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
                    a.add(tree(p, t, depth + 1, nodes));
                }
                return a;
            }
            case VALUE_STRING -> {
                return nodes.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (p.getNumberType()) {
                    case INT -> nodes.numberNode(p.getIntValue());
                    case LONG -> nodes.numberNode(p.getLongValue());
                    default -> nodes.numberNode(p.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                return nodes.numberNode(p.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return nodes.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return nodes.booleanNode(false);
            }
            case VALUE_NULL -> {
                return nodes.nullNode();
            }
            default -> throw new IOException("unexpected " + token);
        }
    }

    private static void write(JsonGenerator out, JsonNode node) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                out.writeStartObject();
                for (var e : node.properties()) {
                    out.writeFieldName(e.getKey());
                    write(out, e.getValue());
                }
                out.writeEndObject();
            }
            case ARRAY -> {
                out.writeStartArray();
                for (JsonNode item : node) {
                    write(out, item);
                }
                out.writeEndArray();
            }
            case STRING -> out.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> out.writeNumber(node.intValue());
                    case LONG -> out.writeNumber(node.longValue());
                    case BIG_INTEGER -> out.writeNumber(node.bigIntegerValue());
                    case BIG_DECIMAL -> out.writeNumber(node.decimalValue());
                    default -> out.writeNumber(node.doubleValue());
                }
            }
            case BOOLEAN -> out.writeBoolean(node.booleanValue());
            case NULL -> out.writeNull();
            default -> throw new IOException("cannot write a " + node.getNodeType() + " node");
        }
    }

}
