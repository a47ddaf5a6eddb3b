package io.flinkops.compiler.diagnostic;

import java.util.Locale;

/**
 * A user's string (a file name, most often) made safe to print on one line: line breaks, including
 * the ones only YAML counts (U+0085, U+2028, U+2029), and other control characters are escaped.
 */
public final class OneLine {
    private OneLine() {}

    public static String of(String s) {
        if (s.chars().noneMatch(OneLine::control)) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> {
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(control(c) ? String.format(Locale.ROOT, "\\u%04x", c) : String.valueOf((char) c));
            }
        });
        return out.toString();
    }

    private static boolean control(int c) {
        return c < 0x20 || c == 0x7f || c == 0x85 || c == 0x2028 || c == 0x2029;
    }
}
