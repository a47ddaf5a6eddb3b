package io.flinkops.compiler.policy;

import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.schema.BoundedPatterns;
import java.time.LocalDate;
import java.util.regex.Pattern;

/**
 * A granted exception: one rule does not apply to the objects a target glob names
 * ({@code environment/namespace/name}, {@code *} and {@code ?} allowed), for a reason, until a date.
 */
public record PolicyException(String rule, String target, String reason, LocalDate expires, SourceLocation location) {

    public boolean matches(String ruleId, String environment, String namespace, String name) {
        if (!rule.equals(ruleId)) {
            return false;
        }
        String[] parts = target.split("/", 3);
        try {
            return BoundedPatterns.matches(glob(parts[0]), environment)
                    && BoundedPatterns.matches(glob(parts[1]), namespace)
                    && BoundedPatterns.matches(glob(parts[2]), name);
        } catch (BoundedPatterns.TooSlow e) {
            return false; // a glob of many stars against a long name: the finding stays
        }
    }

    private static Pattern glob(String g) {
        StringBuilder sb = new StringBuilder();
        for (char c : g.toCharArray()) {
            switch (c) {
                case '*' -> sb.append(".*");
                case '?' -> sb.append('.');
                default -> sb.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(sb.toString());
    }

    public String describe() {
        return rule + " for " + target + " until " + expires + ": " + reason;
    }
}
