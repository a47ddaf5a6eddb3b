package io.flinkops.compiler.check;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A resource quantity as the API server parses it ({@code resource.ParseQuantity} of Kubernetes'
 * apimachinery), which is stricter than the operator's client library ({@link FlinkValues#quantity}):
 * a sign, digits with at most one point, then one suffix: {@code n u m "" k M G T P E}, {@code Ki ... Ei},
 * or an exponent {@code e3}/{@code E-3}. As in Go, a missing number reads as 0 ({@code .}, {@code m}, {@code e3}),
 * and a value is rounded up to whole nano units. {@code KubernetesQuantityTest} holds the grammar to kubectl.
 */
public final class KubernetesQuantity {
    private static final String SUFFIX_CHARACTERS = "eEinumkKMGTP";
    private static final int NANO = 9;

    private KubernetesQuantity() {}

    /** The amount a quantity stands for, rounded up to nano units; empty when the API server would refuse it. */
    public static Optional<BigDecimal> parse(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        int pos = 0;
        int end = text.length();
        boolean negative = false;
        if (text.charAt(0) == '-' || text.charAt(0) == '+') {
            negative = text.charAt(0) == '-';
            pos++;
        }
        int numberStart = pos;
        while (pos < end && isDigit(text.charAt(pos))) {
            pos++;
        }
        String whole = text.substring(numberStart, pos);
        String fraction = "";
        if (pos < end && text.charAt(pos) == '.') {
            int fractionStart = ++pos;
            while (pos < end && isDigit(text.charAt(pos))) {
                pos++;
            }
            fraction = text.substring(fractionStart, pos);
        }
        int suffixStart = pos;
        while (pos < end && SUFFIX_CHARACTERS.indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (pos < end && (text.charAt(pos) == '-' || text.charAt(pos) == '+')) {
            pos++;
        }
        while (pos < end && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < end) {
            return Optional.empty(); // not of the form number, suffix
        }
        Optional<BigDecimal> multiple = multiple(text.substring(suffixStart));
        if (multiple.isEmpty()) {
            return Optional.empty();
        }
        BigDecimal amount = new BigDecimal((whole.isEmpty() ? "0" : whole) + (fraction.isEmpty() ? "" : "." + fraction));
        BigDecimal value = amount.multiply(multiple.get());
        if (value.scale() > NANO) {
            value = value.setScale(NANO, RoundingMode.UP);
        }
        return Optional.of(negative ? value.negate() : value);
    }

    private static Optional<BigDecimal> multiple(String suffix) {
        switch (suffix) {
            case "Ki": return Optional.of(BigDecimal.valueOf(2).pow(10));
            case "Mi": return Optional.of(BigDecimal.valueOf(2).pow(20));
            case "Gi": return Optional.of(BigDecimal.valueOf(2).pow(30));
            case "Ti": return Optional.of(BigDecimal.valueOf(2).pow(40));
            case "Pi": return Optional.of(BigDecimal.valueOf(2).pow(50));
            case "Ei": return Optional.of(BigDecimal.valueOf(2).pow(60));
            case "n": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(-9));
            case "u": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(-6));
            case "m": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(-3));
            case "": return Optional.of(BigDecimal.ONE);
            case "k": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(3));
            case "M": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(6));
            case "G": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(9));
            case "T": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(12));
            case "P": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(15));
            case "E": return Optional.of(BigDecimal.ONE.scaleByPowerOfTen(18));
            default: break;
        }
        if (suffix.length() > 1 && (suffix.charAt(0) == 'e' || suffix.charAt(0) == 'E')) {
            try {
                // Go reads the exponent as a 64-bit integer; one past what a decimal can scale by is absurd anyway
                long exponent = Long.parseLong(suffix.substring(1));
                if (Math.abs(exponent) > 1_000_000_000L) {
                    return Optional.empty();
                }
                return Optional.of(BigDecimal.ONE.scaleByPowerOfTen((int) exponent));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
