package io.flinkops.compiler.check;

import io.flinkops.compiler.diagnostic.Severity;
import java.util.Map;

/** How a policy set applies one rule: on or off, at which severity, with which parameters. */
public record RuleSettings(boolean enabled, Severity severity, Map<String, String> parameters) {

    public static RuleSettings defaults(RuleInfo info) {
        return new RuleSettings(true, info.severity(), Map.of());
    }
}
