package io.flinkops.compiler.schema;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CRD's patterns are Go regular expressions: the API server compiles them with Go's regexp (RE2
 * syntax) and refuses a CRD whose pattern does not compile. The schema check runs them with
 * java.util.regex, which reads some of the same text differently, so a pattern is first written the
 * way Java reads what Go means:
 * <ul>
 *   <li>{@code (?P<name>re)} and {@code (?<name>re)}: named groups become {@code (?:re)}; a match
 *       never uses the name (Go has no back-references), and Java refuses names with {@code _};</li>
 *   <li>{@code [[:alpha:]]}, {@code [[:^space:]]}: Go's ASCII classes, which Java reads as a nested
 *       class of the characters {@code :alph}, become {@code \p{Alpha}}, {@code \P{Space}};</li>
 *   <li>in a class, {@code [} and {@code &&} are literal in Go, a nested class and an intersection
 *       in Java, so they are escaped;</li>
 *   <li>{@code \v} is the vertical tab in Go, any vertical white space in Java;</li>
 *   <li>{@code \p{Greek}}: Go's script names are {@code \p{IsGreek}} in Java;</li>
 *   <li>the flag {@code U} makes Go's repetitions lazy, and means Unicode classes in Java: it is
 *       dropped, as laziness never changes whether a pattern matches somewhere in a value.</li>
 * </ul>
 * JSON Schema patterns of custom rules (ECMA-262) read these the Go way too, bar the ASCII classes.
 */
public final class GoPatterns {
    private static final Map<String, String> ASCII_CLASSES = Map.ofEntries(
            Map.entry("alnum", "Alnum"), Map.entry("alpha", "Alpha"), Map.entry("ascii", "ASCII"),
            Map.entry("blank", "Blank"), Map.entry("cntrl", "Cntrl"), Map.entry("digit", "Digit"),
            Map.entry("graph", "Graph"), Map.entry("lower", "Lower"), Map.entry("print", "Print"),
            Map.entry("punct", "Punct"), Map.entry("space", "Space"), Map.entry("upper", "Upper"),
            Map.entry("xdigit", "XDigit"));
    /** Escapes Go's regexp reads; any other letter after a backslash is an error there. */
    private static final String GO_LETTER_ESCAPES = "afnrtvxdDsSwWpPbBAzQE";
    private static final Pattern FLAG_GROUP = Pattern.compile("\\(\\?([a-zA-Z-]*)([:)])");
    /** Go's script names (Greek, Old_Italic); one- and two-letter names are categories (L, Lu), the same in Java. */
    private static final Pattern SCRIPT = Pattern.compile("(?!Is|In)[A-Z][a-z]+(_[A-Z][a-z]+)*");
    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");

    private GoPatterns() {}

    /** {@code regex} as java.util.regex must read it to match what Go's regexp matches. */
    public static String toJava(String regex) {
        if (!needsTranslation(regex)) {
            return regex;
        }
        StringBuilder out = new StringBuilder(regex.length() + 16);
        boolean inClass = false;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = regex.charAt(i + 1);
                if (e == 'Q') {
                    int end = regex.indexOf("\\E", i + 2);
                    int stop = end < 0 ? n : end + 2;
                    out.append(regex, i, stop); // quoted text means the same in both
                    i = stop - 1;
                } else if (e == 'v') {
                    out.append("\\x0B");
                    i++;
                } else if ((e == 'p' || e == 'P') && i + 2 < n && regex.charAt(i + 2) == '{' && regex.indexOf('}', i + 3) > 0) {
                    int close = regex.indexOf('}', i + 3); // found just above: a property name ends there
                    String name = regex.substring(i + 3, close);
                    if (name.equals("Any")) {
                        out.append(e == 'p' ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]"); // every code point, or none
                    } else {
                        out.append('\\').append(e).append('{').append(isScript(name) ? "Is" + name : name).append('}');
                    }
                    i = close;
                } else {
                    out.append(c).append(e);
                    i++;
                }
                continue;
            }
            if (inClass) {
                String ascii = c == '[' && regex.startsWith("[:", i) ? asciiClass(regex, i) : null;
                if (c == ']') {
                    inClass = false;
                    out.append(c);
                } else if (ascii != null) {
                    out.append(ascii);
                    i = regex.indexOf(":]", i + 2) + 1; // where asciiClass found the name's end
                } else if (c == '[' || c == '&') {
                    out.append('\\').append(c);
                } else {
                    out.append(c);
                }
                continue;
            }
            if (c == '[') {
                inClass = true;
                int body = classBody(regex, i);
                out.append(regex, i, body);
                if (body < n && regex.charAt(body) == ']') {
                    out.append("\\]"); // first in a class, ']' is one of its characters
                    body++;
                }
                i = body - 1;
                continue;
            }
            if (c == '(' && regex.startsWith("(?", i)) {
                int skip = namedGroupStart(regex, i);
                if (skip > 0) {
                    out.append("(?:");
                    i = skip - 1;
                    continue;
                }
                Matcher flags = FLAG_GROUP.matcher(regex).region(i, n);
                if (flags.lookingAt() && flags.group(1).indexOf('U') >= 0) {
                    String kept = flags.group(1).replace("U", "");
                    boolean scoped = flags.group(2).equals(":");
                    if (kept.isEmpty() || kept.equals("-")) {
                        out.append(scoped ? "(?:" : "");
                    } else {
                        out.append("(?").append(kept.endsWith("-") ? kept.substring(0, kept.length() - 1) : kept).append(flags.group(2));
                    }
                    i = flags.end() - 1;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }

    /**
     * Why Go's regexp refuses {@code regex} (and the API server, the CRD that holds it), for what
     * java.util.regex reads and Go does not; empty when it does not.
     */
    public static Optional<String> whyGoRefuses(String regex) {
        if (regex.length() > BoundedPatterns.MAX_PATTERN_LENGTH) {
            return Optional.of("it is longer than the " + BoundedPatterns.MAX_PATTERN_LENGTH + " characters flinkops reads");
        }
        boolean inClass = false;
        int n = regex.length();
        for (int i = 0; i < n; i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < n) {
                char e = regex.charAt(++i);
                if (e == 'Q') {
                    int end = regex.indexOf("\\E", i + 1);
                    i = end < 0 ? n : end + 1;
                } else if (Character.isLetter(e) && GO_LETTER_ESCAPES.indexOf(e) < 0) {
                    return Optional.of("\\" + e + " is not an escape Go's regexp knows");
                } else if (e >= '1' && e <= '9' && !(i + 1 < n && Character.isDigit(regex.charAt(i + 1)))) {
                    return Optional.of("\\" + e + " is a back-reference, which Go's regexp does not have");
                }
                continue;
            }
            if (inClass) {
                if (c == '[' && regex.startsWith("[:", i) && regex.indexOf(":]", i + 2) > 0) {
                    int close = regex.indexOf(":]", i + 2);
                    if (asciiClass(regex, i) == null) {
                        return Optional.of(regex.substring(i, close + 2) + " is not a character class Go's regexp knows");
                    }
                    i = close + 1;
                    continue;
                }
                inClass = c != ']';
                continue;
            }
            if (c == '[') {
                inClass = true;
                int body = classBody(regex, i);
                i = body < n && regex.charAt(body) == ']' ? body : body - 1; // a first ']' is one of the class's characters
            } else if (c == '(' && regex.startsWith("(?", i) && namedGroupStart(regex, i) < 0) {
                if (regex.startsWith("(?=", i) || regex.startsWith("(?!", i) || regex.startsWith("(?<=", i)
                        || regex.startsWith("(?<!", i)) {
                    return Optional.of("Go's regexp has no look-around");
                }
                if (regex.startsWith("(?>", i)) {
                    return Optional.of("Go's regexp has no atomic groups");
                }
                Matcher flags = FLAG_GROUP.matcher(regex).region(i, n);
                if (!flags.lookingAt() || !flags.group(1).matches("[imsU]*(-[imsU]*)?") || flags.group(1).equals("-")) {
                    return Optional.of("Go's regexp reads only the flags i, m, s and U, as (?flags) or (?flags:re)");
                }
            } else if ((c == '*' || c == '+' || c == '?' || c == '}') && i + 1 < n && regex.charAt(i + 1) == '+'
                    && (c != '}' || closesRepeat(regex, i))) {
                return Optional.of("a possessive repetition (" + c + "+) is an error in Go's regexp");
            } else if (c == '{') {
                Matcher repeat = REPEAT.matcher(regex).region(i, n);
                if (repeat.lookingAt() && (tooMany(repeat.group(1)) || tooMany(repeat.group(3)))) {
                    return Optional.of("Go's regexp repeats at most 1000 times: " + repeat.group());
                }
            }
        }
        return Optional.empty();
    }

    /** A script name of Go's (Greek), not one of Java's own ASCII classes (\p{Alpha}), which Java reads as written. */
    private static boolean isScript(String name) {
        return SCRIPT.matcher(name).matches() && !ASCII_CLASSES.containsValue(name);
    }

    private static boolean needsTranslation(String regex) {
        return regex.contains("(?") || regex.contains("[") || regex.contains("\\v") || regex.contains("\\p{") || regex.contains("\\P{");
    }

    /** Where the body of a named group that starts at {@code i} begins; -1 when none starts there. */
    private static int namedGroupStart(String regex, int i) {
        int name = regex.startsWith("(?P<", i) ? i + 4 : regex.startsWith("(?<", i) ? i + 3 : -1;
        if (name < 0 || name >= regex.length() || !(Character.isLetter(regex.charAt(name)) || regex.charAt(name) == '_')) {
            return -1;
        }
        int close = regex.indexOf('>', name);
        return close < 0 ? -1 : close + 1;
    }

    private static String asciiClass(String regex, int at) {
        int close = regex.indexOf(":]", at + 2);
        if (close < 0) {
            return null;
        }
        String name = regex.substring(at + 2, close);
        boolean negated = name.startsWith("^");
        String bare = negated ? name.substring(1) : name;
        if (bare.equals("word")) {
            return negated ? "\\W" : "\\w";
        }
        String java = ASCII_CLASSES.get(bare);
        return java == null ? null : (negated ? "\\P{" : "\\p{") + java + "}";
    }

    /** Where the characters of the class opened by the '[' at {@code open} start: past it and a '^'. */
    private static int classBody(String regex, int open) {
        return open + 1 < regex.length() && regex.charAt(open + 1) == '^' ? open + 2 : open + 1;
    }

    private static boolean closesRepeat(String regex, int closeBrace) {
        // a repetition is at most "{1000,1000}": look no further back than that
        for (int open = closeBrace - 1; open >= Math.max(0, closeBrace - 11); open--) {
            if (regex.charAt(open) == '{') {
                return REPEAT.matcher(regex).region(open, closeBrace + 1).matches();
            }
        }
        return false;
    }

    private static boolean tooMany(String count) {
        return count != null && !count.isEmpty() && (count.length() > 4 || Integer.parseInt(count) > 1000);
    }
}
