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
    /**
     * Longer patterns are refused: java.util.regex compiles a pattern (and networknt rewrites one) in time
     * that grows with the square of its length, 2 s for 80,000 characters, hours for the 4 MB a YAML value
     * may hold. Honest patterns, an IPv6 address's included, are a few hundred characters.
     */
    public static final int MAX_PATTERN_LENGTH = 10_000;
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

    /**
     * A JSON Schema {@code pattern} as the schema check compiles it (read as Go reads it, see
     * {@link GoPatterns}); throws PatternSyntaxException.
     */
    public static Pattern compile(String regex) {
        if (regex.length() > MAX_PATTERN_LENGTH) {
            throw new PatternSyntaxException("longer than " + MAX_PATTERN_LENGTH + " characters", regex, -1);
        }
        // ECMA-262's long property names (a custom rule's \p{Letter}) first, then what Go means
        return Pattern.compile(RegularExpressions.replaceDollarAnchors(
                GoPatterns.toJava(RegularExpressions.replaceLongformCharacterProperties(regex))));
    }

    /** Why the schema check cannot compile {@code regex}, in a message for the schema's author; empty when it can. */
    public static Optional<String> whyNot(String regex) {
        try {
            compile(regex);
            return Optional.empty();
        } catch (PatternSyntaxException e) {
            return Optional.of("pattern '" + shown(regex) + "' is not a regular expression flinkops can check (" + e.getDescription() + ")");
        }
    }

    /** A pattern as a message quotes it: its first 60 characters. */
    static String shown(String regex) {
        return regex.length() > 60 ? regex.substring(0, 60) + "..." : regex;
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
