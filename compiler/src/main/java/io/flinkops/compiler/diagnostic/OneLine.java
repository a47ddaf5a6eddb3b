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
        StringBuilder out = null; // made at the first character to escape: most strings need none
        for (int i = 0; i < s.length();) {
            int c = s.codePointAt(i);
            int width = Character.charCount(c);
            if (escaped(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
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
            } else if (out != null) {
                out.appendCodePoint(c);
            }
            i += width;
        }
        return out == null ? s : out.toString();
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
