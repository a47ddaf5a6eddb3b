package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/** RFC 6901 JSON pointers: building, splitting and walking up. */
public final class Pointers {
    private Pointers() {}

    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public static String of(String... names) {
        String p = "";
        for (String n : names) {
            p = child(p, n);
        }
        return p;
    }

    public static String parent(String pointer) {
        int i = pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }

    public static List<String> split(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            out.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /**
     * A readable dotted path for messages, {@code spec.job.args[0]}: {@code document} tells a list index
     * from a mapping key that is a number ({@code 1: x} under spec is {@code spec.1}); a part past the
     * document (a missing required field) is a key, and an empty key is written {@code ""}
     * ({@code spec.""}), so that it is not read as the end of the path.
     */
    public static String dotted(String pointer, JsonNode document) {
        StringBuilder sb = new StringBuilder();
        JsonNode at = document;
        for (String part : split(pointer)) {
            if (at != null && at.isArray()) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part.isEmpty() ? "\"\"" : part);
            }
            at = at == null ? null : at.isArray() ? (part.chars().allMatch(Character::isDigit) && !part.isEmpty()
                    && part.length() < 10 ? at.get(Integer.parseInt(part)) : null) : at.get(part);
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }

    /**
     * Calls {@code leaf} with each value below {@code node} (at {@code pointer}) that {@code pattern} names: segments
     * split by '/', alternatives within one by ',', and '*' for any key of a mapping or index of a list.
     */
    public static void visit(JsonNode node, String pointer, String pattern, BiConsumer<JsonNode, String> leaf) {
        visit(node, pointer, pattern.split("/"), 0, leaf);
    }

    private static void visit(JsonNode node, String pointer, String[] segments, int at, BiConsumer<JsonNode, String> leaf) {
        if (at == segments.length) {
            leaf.accept(node, pointer);
            return;
        }
        if (segments[at].equals("*")) {
            if (node.isObject()) {
                node.properties().forEach(e -> visit(e.getValue(), child(pointer, e.getKey()), segments, at + 1, leaf));
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    visit(node.get(i), child(pointer, i), segments, at + 1, leaf);
                }
            }
            return;
        }
        for (String name : segments[at].split(",")) {
            JsonNode next = node.isObject() ? node.get(name) : null;
            if (next != null) {
                visit(next, child(pointer, name), segments, at + 1, leaf);
            }
        }
    }
}
