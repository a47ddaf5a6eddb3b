package io.flinkops.compiler.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * How Flink and the operator read configuration values: memory sizes, Kubernetes quantities,
 * booleans, durations, numbers. Re-implemented to answer "would the operator accept this text?".
 */
public final class FlinkValues {
    private static final Map<String, Long> MEMORY_UNITS = Map.ofEntries(
            Map.entry("", 1L), Map.entry("b", 1L), Map.entry("bytes", 1L),
            Map.entry("k", 1L << 10), Map.entry("kb", 1L << 10), Map.entry("kibibytes", 1L << 10),
            Map.entry("m", 1L << 20), Map.entry("mb", 1L << 20), Map.entry("mebibytes", 1L << 20),
            Map.entry("g", 1L << 30), Map.entry("gb", 1L << 30), Map.entry("gibibytes", 1L << 30),
            Map.entry("t", 1L << 40), Map.entry("tb", 1L << 40), Map.entry("tebibytes", 1L << 40));

    private FlinkValues() {}

    /** Flink's memory size syntax ({@code 1024m}, {@code 2 gb}, {@code 1073741824}); empty when unparseable. */
    public static Optional<Long> flinkMemory(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        int i = 0;
        while (i < t.length() && t.charAt(i) >= '0' && t.charAt(i) <= '9') {
            i++;
        }
        if (i == 0) {
            return Optional.empty();
        }
        long number;
        try {
            number = Long.parseLong(t.substring(0, i));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        Long multiplier = MEMORY_UNITS.get(t.substring(i).trim().toLowerCase(Locale.US));
        if (multiplier == null || (number != 0 && number > Long.MAX_VALUE / multiplier)) {
            return Optional.empty();
        }
        return Optional.of(number * multiplier);
    }

    /**
     * A {@code resource.memory} value as the operator reads it: Flink syntax first, else a
     * Kubernetes quantity ({@code 2Gi}) turned into bytes, which Flink must then parse again.
     */
    public static Optional<Long> resourceMemory(String text) {
        Optional<Long> flink = flinkMemory(text);
        if (flink.isPresent()) {
            return flink;
        }
        String q = text.trim().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
        if (q.endsWith("B")) {
            q = q.substring(0, q.length() - 1);
        }
        if (q.endsWith("I")) {
            q = q.substring(0, q.length() - 1) + "i";
        }
        return quantity(q).flatMap(b -> flinkMemory(b.toString()));
    }

    /** A Kubernetes quantity in the units the operator's client library knows, as an exact amount. */
    public static Optional<BigDecimal> quantity(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        String value = text.startsWith(".") ? "0" + text : text;
        int unit = 0;
        while (unit < value.length() && "eEinumkKMGTP".indexOf(value.charAt(unit)) < 0) {
            unit++;
        }
        String amount = value.substring(0, unit);
        String format = value.substring(unit);
        boolean hasDigit = format.chars().anyMatch(Character::isDigit);
        if (hasDigit && Character.isAlphabetic(format.charAt(format.length() - 1))) {
            return Optional.empty();
        }
        BigDecimal digits;
        try {
            digits = new BigDecimal(amount);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        BigDecimal multiple;
        if (hasDigit && format.length() > 1) {
            try {
                multiple = BigDecimal.TEN.pow(Integer.parseInt(format.substring(1)), MathContext.DECIMAL64);
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        } else {
            int binary = switch (format) {
                case "Ki" -> 10;
                case "Mi" -> 20;
                case "Gi" -> 30;
                case "Ti" -> 40;
                case "Pi" -> 50;
                case "Ei" -> 60;
                default -> -1;
            };
            if (binary > 0) {
                multiple = new BigDecimal(2).pow(binary, MathContext.DECIMAL64);
            } else {
                int decimal = switch (format) {
                    case "n" -> -9;
                    case "u" -> -6;
                    case "m" -> -3;
                    case "" -> 0;
                    case "k" -> 3;
                    case "M" -> 6;
                    case "G" -> 9;
                    case "T" -> 12;
                    case "P" -> 15;
                    case "E" -> 18;
                    default -> Integer.MIN_VALUE;
                };
                if (decimal == Integer.MIN_VALUE) {
                    return Optional.empty();
                }
                multiple = BigDecimal.TEN.pow(decimal, MathContext.DECIMAL64);
            }
        }
        return Optional.of(digits.multiply(multiple));
    }

    /** Flink's boolean parsing: true or false in any case, nothing else. */
    public static Optional<Boolean> bool(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true")) {
            return Optional.of(true);
        }
        if (t.equalsIgnoreCase("false")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }

    /** Flink's number parsing for double options. */
    public static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.parseDouble(text.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Flink's duration syntax ({@code 10 s}, {@code 5min}, {@code 100} for milliseconds) in milliseconds; empty when unparseable. */
    public static Optional<Long> durationMillis(String text) {
        String t = text.trim().toLowerCase(Locale.US);
        int i = 0;
        while (i < t.length() && Character.isDigit(t.charAt(i))) {
            i++;
        }
        if (i == 0 || i > 18) {
            return Optional.empty();
        }
        long n = Long.parseLong(t.substring(0, i));
        double factor = switch (t.substring(i).trim()) {
            case "ns", "nano", "nanos", "nanosecond", "nanoseconds" -> 1e-6;
            case "us", "micro", "micros", "microsecond", "microseconds" -> 1e-3;
            case "", "ms", "milli", "millis", "millisecond", "milliseconds" -> 1;
            case "s", "sec", "secs", "second", "seconds" -> 1_000;
            case "m", "min", "minute", "minutes" -> 60_000;
            case "h", "hour", "hours" -> 3_600_000;
            case "d", "day", "days" -> 86_400_000;
            default -> -1;
        };
        return factor < 0 ? Optional.empty() : Optional.of((long) (n * factor));
    }

    /** Flink's high-availability mode: anything but unset, NONE or the legacy "standalone" turns HA on. */
    public static boolean haActivated(FlinkConf conf) {
        Optional<String> mode = conf.get(OperatorKeys.HA_MODE);
        if (mode.isEmpty()) {
            return false;
        }
        String m = mode.get();
        return !(m.equalsIgnoreCase("none") || m.equalsIgnoreCase("standalone"));
    }
}
