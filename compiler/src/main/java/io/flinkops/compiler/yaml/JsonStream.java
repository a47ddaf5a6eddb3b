package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A file that kubectl and Argo CD read as JSON: their reader looks at the first character that is not
 * white space, and from a '{' on reads the whole file as a stream of JSON objects, strict JSON (no
 * YAML: {@code {a: 1}} is refused, so is a tab inside a string), however the file is named.
 */
final class JsonStream {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonFactory JSON = new JsonFactory();

    private final String file;
    private final YamlLimits limits;
    private SourceMap map;
    private int nodes;

    JsonStream(String file, YamlLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Whether kubectl reads the text as JSON: its first character past Go's white space is '{'. */
    static boolean isJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') {
                return true;
            }
            if (!KubectlScalars.isGoSpace(c)) {
                return false;
            }
        }
        return false;
    }

    List<LocatedDocument> read(String text) {
        List<LocatedDocument> docs = new ArrayList<>();
        try (JsonParser parser = JSON.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                JsonLocation start = parser.currentTokenLocation();
                if (token != JsonToken.START_OBJECT) {
                    throw new InputException(at(start), "the file is read as JSON (it starts with '{', as kubectl reads it),"
                            + " and this value is no object");
                }
                if (docs.size() >= limits.maxDocuments()) {
                    throw new InputException(at(start), String.format(Locale.ROOT,
                            "more than %d documents in one file", limits.maxDocuments()));
                }
                map = new SourceMap(file, start.getLineNr(), start.getColumnNr());
                nodes = 0;
                JsonNode root = value(parser, "", 0);
                docs.add(new LocatedDocument(file, docs.size(), root, map));
            }
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            throw new InputException(where == null ? SourceLocation.start(file) : at(where),
                    "invalid JSON (the file starts with '{', so kubectl reads it as JSON): " + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (IOException e) {
            throw new InputException(SourceLocation.start(file), "invalid JSON: " + e.getMessage());
        }
        return docs;
    }

    private JsonNode value(JsonParser parser, String pointer, int depth) throws IOException {
        JsonLocation start = parser.currentTokenLocation();
        if (++nodes > limits.maxNodes()) {
            throw new InputException(at(start), String.format(Locale.ROOT, "document has more than %,d nodes", limits.maxNodes()));
        }
        if (depth > limits.maxDepth()) {
            throw new InputException(at(start), "JSON nested too deeply (limit " + limits.maxDepth() + " levels)");
        }
        map.putValue(pointer, start.getLineNr(), start.getColumnNr());
        switch (parser.currentToken()) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
                    String key = parser.currentName();
                    JsonLocation keyAt = parser.currentTokenLocation();
                    if (object.has(key)) {
                        throw new InputException(at(keyAt), YamlReader.duplicateKey(key));
                    }
                    String child = Pointers.child(pointer, key);
                    map.putKey(child, keyAt.getLineNr(), keyAt.getColumnNr());
                    parser.nextToken();
                    object.set(key, value(parser, child, depth + 1));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
                    array.add(value(parser, pointer + "/" + array.size(), depth + 1));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return KubectlScalars.jsonInteger(parser.getBigIntegerValue(), parser.getText());
            }
            case VALUE_NUMBER_FLOAT -> {
                double d = parser.getDoubleValue();
                if (Double.isInfinite(d)) {
                    throw new InputException(at(start), "the number " + parser.getText()
                            + " is beyond a 64-bit float, which kubectl cannot read");
                }
                return KubectlScalars.asJson(NODES.numberNode(d), parser.getText());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(parser.getBooleanValue());
            }
            default -> {
                return NODES.nullNode();
            }
        }
    }

    private SourceLocation at(JsonLocation location) {
        return new SourceLocation(file, Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }
}
