package io.flinkops.compiler.diagnostic;

import java.util.Locale;

/** Which stage found a problem: parse and schema and operator are what the cluster would reject. */
public enum Category {
    PARSE,
    SCHEMA,
    OPERATOR,
    POLICY;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Category parse(String text) {
        for (Category c : values()) {
            if (c.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        throw new IllegalArgumentException(
                "unknown category '" + text + "' (use parse, schema, operator or policy)");
    }
}
