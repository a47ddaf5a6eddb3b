package io.flinkops.compiler.diagnostic;

import java.util.Locale;

/** How much a finding matters; the exit code follows the highest severity of a run. */
public enum Severity {
    INFO,
    WARNING,
    ERROR;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (use error, warning or info)");
    }
}
