package io.flinkops.compiler.diagnostic;

import java.util.Locale;

/**
 * A user's string (a file name, a value quoted in a message) made safe to print on one line and to
 * read as what it is: line breaks, including the ones only YAML counts (U+0085, U+2028, U+2029), and
 * other control characters are escaped, and so are the characters a reader cannot see or that change
 * how the rest of the line shows: format characters (zero-width spaces and joiners, bidirectional
 * overrides and isolates, byte order marks, soft hyphens), spaces other than U+0020 (a no-break space
 * reads as a space where a name allows none), and halves of a surrogate pair without the other half.
 * A name refused as "state\u200bmachine" then shows why, where printed raw it reads "statemachine".
 */
public final class OneLine {
    private OneLine() {}

    public static String of(String s) {
        int first = firstToEscape(s);
        if (first < 0) {
            return s;
        }
        StringBuilder out = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length();) {
            int c = s.codePointAt(i);
            int width = Character.charCount(c);
            if (!escaped(c)) {
                out.appendCodePoint(c);
            } else {
                switch (c) {
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        for (int j = i; j < i + width; j++) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) s.charAt(j)));
                        }
                    }
                }
            }
            i += width;
        }
        return out.toString();
    }

    private static int firstToEscape(String s) {
        for (int i = 0; i < s.length();) {
            int c = s.codePointAt(i);
            if (escaped(c)) {
                return i;
            }
            i += Character.charCount(c);
        }
        return -1;
    }

    /** Whether a code point ({@link String#codePointAt} gives a lone surrogate as itself) prints escaped. */
    private static boolean escaped(int c) {
        if (c >= 0x20 && c < 0x7f) {
            return false;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR, Character.SURROGATE, Character.UNASSIGNED, Character.PRIVATE_USE -> true;
            default -> false;
        };
    }
}
