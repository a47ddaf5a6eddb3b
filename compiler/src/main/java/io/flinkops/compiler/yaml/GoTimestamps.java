package io.flinkops.compiler.yaml;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain scalars go-yaml v3 (kustomize's reader) takes for timestamps, and the text they then reach
 * JSON as: Go's RFC 3339 form, {@code 2024-01-01} as {@code 2024-01-01T00:00:00Z}. go-yaml v2
 * (kubectl's) keeps them as written.
 */
final class GoTimestamps {
    /** go-yaml v3's four formats: a date, then a time with a zone after T or t, or one without a zone after a space. */
    private static final Pattern TIMESTAMP = Pattern.compile(
            "([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:[Tt]([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?(Z|[+-][0-9]{2}:[0-9]{2}))"
                    + "|(?: ([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,]([0-9]+))?))?");

    private GoTimestamps() {}

    /** The text a plain scalar reaches JSON as through go-yaml v3, when it reads as a timestamp. */
    static Optional<String> inJson(String text) {
        if (text.length() < 8 || text.charAt(4) != '-') {
            return Optional.empty();
        }
        Matcher m = TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        boolean zoned = m.group(4) != null;
        int time = zoned ? 4 : 9;
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        int hour = m.group(time) == null ? 0 : Integer.parseInt(m.group(time));
        int minute = m.group(time) == null ? 0 : Integer.parseInt(m.group(time + 1));
        int second = m.group(time) == null ? 0 : Integer.parseInt(m.group(time + 2));
        String fraction = m.group(time + 3) == null ? "" : m.group(time + 3);
        try {
            LocalDate.of(year, month, day); // Go refuses a day out of its month's range, and the text stays text
        } catch (DateTimeException outOfRange) {
            return Optional.empty();
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return Optional.empty();
        }
        String zone = zoned ? m.group(8) : "Z";
        if (zone.equals("+00:00") || zone.equals("-00:00")) {
            zone = "Z";
        }
        // nanoseconds, as Go keeps them (nine digits at most), printed without trailing zeros
        String nanos = (fraction.length() > 9 ? fraction.substring(0, 9) : fraction).replaceAll("0+$", "");
        return Optional.of(String.format(java.util.Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%s%s", year, month, day, hour, minute, second,
                nanos.isEmpty() ? "" : "." + nanos, zone));
    }
}
