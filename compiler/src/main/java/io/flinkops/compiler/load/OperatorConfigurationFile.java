package io.flinkops.compiler.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.Pointers;
import io.flinkops.compiler.yaml.WrittenScalars;
import io.flinkops.compiler.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The operator's default Flink configuration, as a file holds it: its flink-conf.yaml or config.yaml
 * (keys to values; config.yaml may nest keys, {@code state: {backend: rocksdb}} is state.backend), or
 * the operator's ConfigMap whose data carries one of them (what its Helm chart renders).
 */
public final class OperatorConfigurationFile {
    private static final List<String> CONFIG_MAP_KEYS = List.of("config.yaml", "flink-conf.yaml");

    private OperatorConfigurationFile() {}

    /** Keys to values; an InputException, at its position, for a file that holds no such configuration. */
    public static Map<String, String> read(String name, byte[] bytes) {
        YamlReader yaml = new YamlReader();
        List<LocatedDocument> docs = yaml.read(name, bytes);
        if (docs.size() != 1 || !docs.get(0).root().isObject()) {
            throw new InputException(docs.isEmpty() ? SourceLocation.start(name)
                    : docs.get(0).sourceMap().best(""), "an operator configuration file holds one mapping of Flink"
                    + " configuration keys to values (flink-conf.yaml, config.yaml) or the operator's ConfigMap");
        }
        LocatedDocument doc = docs.get(0);
        JsonNode root = doc.root();
        if ("ConfigMap".equals(root.path("kind").asText()) && root.path("apiVersion").asText().equals("v1")) {
            for (String key : CONFIG_MAP_KEYS) {
                JsonNode text = root.path("data").path(key);
                if (text.isTextual()) {
                    SourceLocation at = doc.sourceMap().value("/data/" + key);
                    try {
                        List<LocatedDocument> nested = yaml.read(name, text.textValue().getBytes(StandardCharsets.UTF_8));
                        return nested.isEmpty() ? Map.of() : flatten(nested.get(0), name);
                    } catch (InputException e) {
                        throw inFile(e, at, new String(bytes, StandardCharsets.UTF_8), key);
                    }
                }
            }
            throw new InputException(doc.sourceMap().best("/data"), "the ConfigMap holds neither data.config.yaml nor"
                    + " data.flink-conf.yaml, the operator's default Flink configuration");
        }
        return flatten(doc, name);
    }

    /**
     * A problem in the configuration a ConfigMap embeds, at its place in the file: in a literal block
     * ({@code |}), each line of the text is a line of the file, indented; in any other style, at the value.
     */
    private static InputException inFile(InputException e, SourceLocation value, String file, String key) {
        SourceLocation inner = e.location();
        String[] lines = file.split("\n", -1);
        String indicator = value.line() <= lines.length ? lines[value.line() - 1] : "";
        if (inner != null && value.column() <= indicator.length() && indicator.charAt(value.column() - 1) == '|') {
            int first = value.line();
            while (first < lines.length && lines[first].isBlank()) {
                first++;
            }
            int line = value.line() + inner.line();
            if (first < lines.length && line <= lines.length) {
                int indent = lines[first].length() - lines[first].stripLeading().length();
                return new InputException(new SourceLocation(value.file(), line, indent + inner.column()), e.getMessage());
            }
        }
        String where = inner == null ? "" : " (line " + inner.line() + ", column " + inner.column() + " of data." + key + ")";
        return new InputException(value, e.getMessage() + where);
    }

    private static Map<String, String> flatten(LocatedDocument doc, String name) {
        if (!doc.root().isObject()) {
            throw new InputException(doc.sourceMap().best(""), name + " is not a mapping of Flink configuration keys to values");
        }
        Map<String, String> out = new TreeMap<>();
        flatten(doc, "", "", doc.root(), out);
        return Collections.unmodifiableMap(out);
    }

    private static void flatten(LocatedDocument doc, String pointer, String prefix, JsonNode node, Map<String, String> out) {
        node.properties().forEach(e -> {
            String at = Pointers.child(pointer, e.getKey());
            JsonNode value = e.getValue();
            if (value.isObject()) {
                flatten(doc, at, prefix + e.getKey() + ".", value, out);
            } else if (value.isArray()) {
                List<String> items = new ArrayList<>(); // Flink's list values, as its flat format writes them
                value.forEach(item -> items.add(item.isValueNode() ? WrittenScalars.text(item) : item.toString()));
                out.put(prefix + e.getKey(), String.join(";", items));
            } else if (!value.isNull()) {
                out.put(prefix + e.getKey(), WrittenScalars.text(value)); // as written: Flink reads its file as text
            }
        });
    }
}
