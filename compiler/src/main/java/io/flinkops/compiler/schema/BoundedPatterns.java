package io.flinkops.compiler.schema;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;
import com.networknt.schema.regex.RegularExpressions;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * JSON Schema {@code pattern}s (ours, a CRD's, a custom rule's) with java.util.regex, compiled as
 * networknt's own JDK factory compiles them, but each match bounded: Java's engine backtracks, and a
 * pattern such as {@code ^(.*a){12}$} takes years on a value of 40 characters (Java memoizes simple
 * nested loops such as {@code ^(a+)+$}, not this). The input is read through
 * a counting view; a match that reads more than {@link #MAX_READS} characters stops with {@link TooSlow}.
 */
public final class BoundedPatterns implements RegularExpressionFactory {
    /** Generous for any honest pattern: a linear match reads each character a few times. */
    public static final long MAX_READS = 20_000_000;
    static final BoundedPatterns INSTANCE = new BoundedPatterns();

    /** A match that read too much of its input: the pattern backtracks on this value. */
    public static final class TooSlow extends RuntimeException {
        TooSlow() {
            super("a pattern backtracked past " + MAX_READS + " character reads", null, false, false);
        }
    }

    private BoundedPatterns() {}

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = compile(regex);
        return value -> find(pattern, value);
    }

    /** A JSON Schema {@code pattern} as the schema check compiles it; throws PatternSyntaxException. */
    public static Pattern compile(String regex) {
        return Pattern.compile(RegularExpressions.replaceLongformCharacterProperties(
                RegularExpressions.replaceDollarAnchors(withoutGoGroupNames(regex))));
    }

    /**
     * A CRD's patterns are Go regular expressions (the API server compiles them with Go's regexp), where a
     * named group is written {@code (?P<name>...)}, which Java does not read. A match never uses the
     * name (Go has no back-references), so such a group becomes a plain one, {@code (?:...)}; an escaped
     * {@code \(} or a {@code (} in a character class is left as it is.
     */
    static String withoutGoGroupNames(String regex) {
        if (!regex.contains("(?P<")) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length());
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
                continue;
            }
            if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    out.append(regex.charAt(++i));
                }
                if (i + 1 < regex.length() && regex.charAt(i + 1) == ']') {
                    out.append(regex.charAt(++i)); // a ']' first in a class is one of its characters
                }
                continue;
            } else if (regex.startsWith("(?P<", i)) {
                int close = regex.indexOf('>', i + 4);
                if (close > 0) {
                    out.append("(?:");
                    i = close;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /** Why the schema check cannot compile {@code regex}, in a message for the schema's author; empty when it can. */
    public static Optional<String> whyNot(String regex) {
        try {
            compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            String shown = regex.length() > 60 ? regex.substring(0, 60) + "..." : regex;
            return Optional.of("pattern '" + shown + "' is not a regular expression flinkops can check (" + e.getDescription() + ")");
        }
    }

    /** {@link java.util.regex.Matcher#find()}, bounded; throws {@link TooSlow} past the bound. */
    public static boolean find(Pattern pattern, String value) {
        return pattern.matcher(counted(value)).find();
    }

    /** {@link java.util.regex.Matcher#matches()}, bounded; throws {@link TooSlow} past the bound. */
    public static boolean matches(Pattern pattern, String value) {
        return pattern.matcher(counted(value)).matches();
    }

    private static CharSequence counted(String value) {
        return new Counted(value, new long[1], 0, value.length());
    }

    /** A window of a string that counts, with every window cut from it, the characters read. */
    private record Counted(String text, long[] reads, int start, int end) implements CharSequence {
        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if (++reads[0] > MAX_READS) {
                throw new TooSlow();
            }
            return text.charAt(start + index);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Counted(text, reads, start + from, start + to);
        }

        @Override
        public String toString() {
            return text.substring(start, end);
        }
    }
}
