package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * What kubectl makes of a YAML scalar, and so what the API server receives: kubectl reads YAML with
 * go-yaml v2 (YAML 1.1 words, numbers as Go's strconv parses them) and turns it into JSON before
 * sending it. SnakeYAML's own YAML 1.1 resolution differs at the edges ({@code 0o17}, {@code 0X1F} and
 * {@code 09} are numbers to kubectl, {@code .inf} cannot become JSON, {@code !!int 1.5} is refused), so
 * the reader leaves untagged plain scalars unresolved ({@link #RESOLVER}) and resolves them here.
 */
final class KubectlScalars {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The tag the reader's resolver gives a plain scalar without a tag, for this class to resolve. */
    static final Tag PLAIN = new Tag("tag:flinkops.io,2026:plain");

    /** Leaves plain scalars to {@link #plain}; a quoted one without a tag is text, as in every YAML reader. */
    static final Resolver RESOLVER = new Resolver() {
        @Override
        public Tag resolve(NodeId kind, String value, boolean implicit) {
            if (kind != NodeId.scalar) {
                return super.resolve(kind, value, implicit);
            }
            if (!implicit) {
                return Tag.STR;
            }
            return value.equals("<<") ? Tag.MERGE : PLAIN;
        }
    };

    /**
     * The tag to resolve a scalar by. A quoted scalar with the non-specific tag {@code !} reaches the
     * resolver as a plain one would; its style tells it apart, and it is text. (A plain one with
     * {@code !}, as in {@code ! 12}, is text to kubectl too: the reader's composer tags it so, as the
     * composed node would no longer say it had the tag.)
     */
    static Tag tagOf(ScalarNode node) {
        return node.getTag().equals(PLAIN) && !node.isPlain() ? Tag.STR : node.getTag();
    }

    /** A scalar kubectl refuses to read (the message says why); the reader adds its position. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, JsonNode> WORDS = words();
    /** go-yaml's test for a float among values that start with a digit or a sign (after removing underscores). */
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    /** What Go's ParseFloat reads of a value that starts with a dot. */
    private static final Pattern DOT_FLOAT = Pattern.compile("\\.[0-9]+(_[0-9]+)*([eE][-+]?[0-9]+(_[0-9]+)*)?");
    private static final BigInteger INT64_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger INT64_MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger UINT64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private KubectlScalars() {}

    private static Map<String, JsonNode> words() {
        Map<String, JsonNode> m = new java.util.HashMap<>();
        for (String w : new String[] {"y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"}) {
            m.put(w, NODES.booleanNode(true));
        }
        for (String w : new String[] {"n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"}) {
            m.put(w, NODES.booleanNode(false));
        }
        for (String w : new String[] {"", "~", "null", "Null", "NULL"}) {
            m.put(w, NODES.nullNode());
        }
        for (String w : new String[] {".nan", ".NaN", ".NAN"}) {
            m.put(w, NODES.numberNode(Double.NaN));
        }
        for (String w : new String[] {".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"}) {
            m.put(w, NODES.numberNode(Double.POSITIVE_INFINITY));
        }
        for (String w : new String[] {"-.inf", "-.Inf", "-.INF"}) {
            m.put(w, NODES.numberNode(Double.NEGATIVE_INFINITY));
        }
        return Map.copyOf(m);
    }

    /**
     * A scalar as go-yaml reads it: a boolean, null, a whole number (Int, Long or BigInteger), a float
     * (a DoubleNode, infinity and NaN included), or text. {@code tag}: {@link #PLAIN}, {@link Tag#STR}
     * for a quoted scalar, or the tag the text gives.
     */
    static JsonNode resolve(String text, Tag tag) {
        if (tag.equals(PLAIN)) {
            return plain(text);
        }
        if (tag.equals(Tag.STR) || tag.equals(Tag.TIMESTAMP)) {
            return NODES.textNode(text); // go-yaml gives timestamps to a JSON reader as their text
        }
        if (tag.equals(Tag.BINARY)) {
            try {
                byte[] bytes = Base64.getDecoder().decode(text.replace("\n", "").replace("\r", ""));
                return NODES.textNode(new String(bytes, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new Refused("a !!binary value that is not base64 (kubectl refuses it too)");
            }
        }
        if (!tag.equals(Tag.INT) && !tag.equals(Tag.FLOAT) && !tag.equals(Tag.BOOL) && !tag.equals(Tag.NULL)) {
            return NODES.textNode(text); // a tag kubectl does not resolve (!Ref, !!set, ...) leaves the text
        }
        JsonNode n = plain(text);
        if (tag.equals(Tag.FLOAT) && n.isIntegralNumber()) {
            return NODES.numberNode(n.doubleValue());
        }
        if (!tag.equals(tagOf(n))) {
            throw new Refused(String.format(Locale.ROOT, "'%s' cannot be read as %s, the tag it is given (kubectl refuses it too)",
                    text, shortTag(tag)));
        }
        return n;
    }

    private static Tag tagOf(JsonNode n) {
        if (n.isNull()) {
            return Tag.NULL;
        }
        if (n.isBoolean()) {
            return Tag.BOOL;
        }
        if (n.isIntegralNumber()) {
            return Tag.INT;
        }
        return n.isNumber() ? Tag.FLOAT : Tag.STR;
    }

    private static String shortTag(Tag tag) {
        return "!!" + tag.getValue().substring(Tag.PREFIX.length());
    }

    private static JsonNode plain(String text) {
        JsonNode word = WORDS.get(text);
        if (word != null) {
            return word;
        }
        char first = text.charAt(0); // the empty text is a word
        if (first == '.') {
            return DOT_FLOAT.matcher(text).matches() ? floating(text.replace("_", "")) : NODES.textNode(text);
        }
        if (!(first >= '0' && first <= '9') && first != '-' && first != '+') {
            return NODES.textNode(text);
        }
        String digits = text.replace("_", "");
        BigInteger whole = goInteger(digits);
        if (whole != null) {
            return integral(whole);
        }
        if (YAML_FLOAT.matcher(digits).matches()) {
            return floating(digits);
        }
        return NODES.textNode(text);
    }

    /** A float, or the text when it is beyond a double (Go's ParseFloat fails there, and go-yaml keeps the text). */
    private static JsonNode floating(String text) {
        double d = new BigDecimal(text.startsWith("+") ? text.substring(1) : text).doubleValue();
        if (d == 0 && text.startsWith("-")) {
            d = -0.0; // a BigDecimal has no negative zero; Go's float does, and prints a key of it as -0
        }
        return Double.isInfinite(d) ? NODES.textNode(text) : NODES.numberNode(d);
    }

    /** A JSON integer as kubectl's JSON reader takes it: an int64, or past that a float. */
    static JsonNode jsonInteger(BigInteger whole, String text) {
        boolean int64 = whole.compareTo(INT64_MIN) >= 0 && whole.compareTo(INT64_MAX) <= 0;
        return int64 ? integral(whole) : asJson(NODES.numberNode(whole.doubleValue()), text);
    }

    /** White space as Go's unicode.IsSpace knows it (strings.TrimSpace, the JSON sniffing of kubectl's reader). */
    static boolean isGoSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f' || c == '\u0085' || Character.isSpaceChar(c);
    }

    private static JsonNode integral(BigInteger b) {
        if (b.bitLength() < 32) {
            return NODES.numberNode(b.intValue());
        }
        return b.bitLength() < 64 ? NODES.numberNode(b.longValue()) : NODES.numberNode(b);
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)}, then {@code ParseUint}: an optional sign, then 0x, 0o or
     * 0b (either case) for hex, octal or binary, a leading 0 for octal, else decimal; null if neither
     * reads it (09 is no octal: go-yaml then reads it as the float 9).
     */
    private static BigInteger goInteger(String s) {
        boolean negative = s.startsWith("-");
        boolean signed = negative || s.startsWith("+");
        String body = signed ? s.substring(1) : s;
        int radix = 10;
        if (body.length() >= 2 && body.charAt(0) == '0') {
            switch (Character.toLowerCase(body.charAt(1))) {
                case 'x' -> { radix = 16; body = body.substring(2); }
                case 'o' -> { radix = 8; body = body.substring(2); }
                case 'b' -> { radix = 2; body = body.substring(2); }
                default -> { radix = 8; body = body.substring(1); }
            }
        }
        if (body.isEmpty()) {
            return null;
        }
        for (int i = 0; i < body.length(); i++) {
            if (Character.digit(body.charAt(i), radix) < 0 || body.charAt(i) > 'z') {
                return null;
            }
        }
        BigInteger b = new BigInteger(body, radix);
        if (negative) {
            b = b.negate();
        }
        boolean int64 = b.compareTo(INT64_MIN) >= 0 && b.compareTo(INT64_MAX) <= 0;
        boolean uint64 = !signed && b.compareTo(UINT64_MAX) <= 0;
        return int64 || uint64 ? b : null;
    }

    /**
     * A value as the API server receives it: kubectl's JSON writes a whole float below 1e21 without its
     * fraction (2.0 arrives as 2, 1e20 as 100000000000000000000) and cannot write infinity or NaN at all
     * (it refuses the file).
     */
    static JsonNode asJson(JsonNode resolved, String text) {
        if (!resolved.isDouble()) {
            return resolved;
        }
        double d = resolved.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new Refused("'" + text + "' is " + (Double.isNaN(d) ? "NaN" : "infinity")
                    + " to kubectl's YAML reader, which JSON cannot hold: kubectl refuses the file (quote it to mean the text)");
        }
        if (d == Math.rint(d) && Math.abs(d) < 1e21) {
            return integral(new BigDecimal(d).toBigInteger()); // Go writes such a float as a whole number
        }
        return resolved;
    }

    /**
     * A key as kubectl names it in the JSON it sends: text as it is, booleans as true or false, whole
     * numbers in decimal, floats as Go prints a float32 ({@code 1e6} is {@code 1e+06}); null keys and
     * whole numbers past a signed 64-bit one it refuses.
     */
    static String keyName(JsonNode resolved, String text) {
        if (resolved.isTextual()) {
            return resolved.textValue();
        }
        if (resolved.isBoolean()) {
            return Boolean.toString(resolved.booleanValue());
        }
        if (resolved.isNull()) {
            throw new Refused("a mapping key that is null ('" + text + "'); kubectl refuses it (quote it to mean the text)");
        }
        if (resolved.isIntegralNumber()) {
            if (resolved.canConvertToLong()) {
                return Long.toString(resolved.longValue());
            }
            throw new Refused("a mapping key that is a whole number past 64 bits ('" + text
                    + "'); kubectl refuses it (quote it to mean the text)");
        }
        return goFloat32(resolved.doubleValue());
    }

    /** Go's {@code strconv.FormatFloat(f, 'g', -1, 32)}, with go-yaml's names for infinity and NaN. */
    static String goFloat32(double value) {
        float f = (float) value;
        if (Float.isNaN(f)) {
            return ".nan";
        }
        if (Float.isInfinite(f)) {
            return f > 0 ? ".inf" : "-.inf";
        }
        if (f == 0) {
            return Float.floatToRawIntBits(f) < 0 ? "-0" : "0";
        }
        BigDecimal exact = new BigDecimal(f);
        BigDecimal shortest = exact;
        for (int digits = 1; digits <= 9; digits++) {
            BigDecimal rounded = exact.round(new MathContext(digits, RoundingMode.HALF_EVEN));
            if (rounded.floatValue() == f) {
                shortest = rounded;
                break;
            }
        }
        shortest = shortest.stripTrailingZeros();
        int exponent = shortest.precision() - shortest.scale() - 1;
        if (exponent < -4 || exponent >= 6) {
            String unscaled = shortest.unscaledValue().abs().toString();
            StringBuilder sb = new StringBuilder(shortest.signum() < 0 ? "-" : "");
            sb.append(unscaled.charAt(0));
            if (unscaled.length() > 1) {
                sb.append('.').append(unscaled, 1, unscaled.length());
            }
            sb.append('e').append(exponent < 0 ? '-' : '+');
            int e = Math.abs(exponent);
            sb.append(e < 10 ? "0" : "").append(e);
            return sb.toString();
        }
        return shortest.toPlainString();
    }
}
