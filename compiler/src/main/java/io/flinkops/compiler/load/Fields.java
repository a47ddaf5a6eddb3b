package io.flinkops.compiler.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Small readers over a schema-checked tree: a missing or null field gives the default. */
final class Fields {
    private Fields() {}

    static boolean present(JsonNode n) {
        return n != null && !n.isNull() && !n.isMissingNode();
    }

    static String text(JsonNode parent, String field, String dflt) {
        JsonNode n = parent == null ? null : parent.get(field);
        return present(n) ? scalarText(n) : dflt;
    }

    static Integer integer(JsonNode parent, String field, Integer dflt) {
        JsonNode n = parent == null ? null : parent.get(field);
        return present(n) && n.canConvertToInt() ? Integer.valueOf(n.intValue()) : dflt;
    }

    static Long longValue(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return present(n) && n.isIntegralNumber() ? Long.valueOf(n.longValue()) : null;
    }

    static Double number(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        return present(n) && n.isNumber() ? Double.valueOf(n.doubleValue()) : null;
    }

    static Boolean bool(JsonNode parent, String field, Boolean dflt) {
        JsonNode n = parent == null ? null : parent.get(field);
        return present(n) && n.isBoolean() ? Boolean.valueOf(n.booleanValue()) : dflt;
    }

    static List<String> strings(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        if (!present(n) || !n.isArray()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(scalarText(e)));
        return Collections.unmodifiableList(out);
    }

    /** A map of scalars as strings, sorted by key so that output never depends on input order. */
    static Map<String, String> stringMap(JsonNode parent, String field) {
        JsonNode n = parent == null ? null : parent.get(field);
        Map<String, String> out = new TreeMap<>();
        if (present(n) && n.isObject()) {
            n.properties().forEach(e -> {
                if (present(e.getValue())) {
                    out.put(e.getKey(), scalarText(e.getValue()));
                }
            });
        }
        return Collections.unmodifiableMap(out);
    }

    static String scalarText(JsonNode n) {
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isFloatingPointNumber()) {
            double d = n.doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e15) {
                return Long.toString((long) d) + ".0";
            }
            return n.asText();
        }
        return n.asText();
    }
}
