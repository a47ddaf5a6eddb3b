package io.flinkops.compiler.check.operator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quartz.impl.calendar.CronCalendar;
import org.quartz.impl.calendar.DailyCalendar;

/**
 * The autoscaler's excluded periods ({@code job.autoscaler.excluded.periods}), read as operator 1.8
 * and later read them: a Flink list (';'-separated, quotes allowed) of expressions, each a daily
 * range ({@code 9:00-17:00}), a Quartz cron expression, or one of each joined by {@code &&}. Parsed
 * with Quartz, the library the operator itself uses.
 */
final class ExcludedPeriods {
    private ExcludedPeriods() {}

    /** Why the value would be refused, or empty when every expression is valid. */
    static Optional<String> problem(String value) {
        for (String expression : flinkList(value)) {
            String[] parts = expression.split("&&");
            if (parts.length > 2) {
                return Optional.of("'" + expression + "' joins more than two expressions with &&");
            }
            boolean daily = false;
            boolean cron = false;
            for (String part : parts) {
                String p = part.strip();
                boolean isDaily = isDaily(p);
                boolean isCron = isCron(p);
                if (!isDaily && !isCron) {
                    return Optional.of("'" + p + "' is neither a daily range (HH:MM-HH:MM) nor a Quartz cron expression"
                            + " (six or seven fields, seconds first)");
                }
                daily |= isDaily;
                cron |= isCron;
            }
            if (parts.length == 2 && !(daily && cron)) {
                return Optional.of("'" + expression + "' must join one daily range and one cron expression");
            }
        }
        return Optional.empty();
    }

    private static boolean isDaily(String expression) {
        String[] ends = expression.split("-");
        if (ends.length != 2) {
            return false;
        }
        try {
            new DailyCalendar(ends[0], ends[1]);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isCron(String expression) {
        try {
            new CronCalendar(expression);
            return true;
        } catch (Exception e) { // ParseException, or a runtime exception on odd input
            return false;
        }
    }

    /** A Flink list value: items separated by ';', an item in single or double quotes may hold ';' (a doubled quote is one). */
    static List<String> flinkList(String value) {
        List<String> items = new ArrayList<>();
        int i = 0;
        int n = value.length();
        while (i < n) {
            StringBuilder item = new StringBuilder();
            char c = value.charAt(i);
            if (c == '\'' || c == '"') {
                i++;
                while (i < n) {
                    char d = value.charAt(i);
                    if (d == c && i + 1 < n && value.charAt(i + 1) == c) {
                        item.append(c);
                        i += 2;
                    } else if (d == c) {
                        i++;
                        break;
                    } else {
                        item.append(d);
                        i++;
                    }
                }
                while (i < n && value.charAt(i) != ';') {
                    i++; // what follows a closing quote up to the separator
                }
            } else {
                while (i < n && value.charAt(i) != ';') {
                    item.append(value.charAt(i++));
                }
            }
            items.add(item.toString());
            i++; // the separator
        }
        return items;
    }
}
