package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;
import java.util.Set;

@Rule(
        id = "operator-log-config-key-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Log configuration takes only log4j-console.properties and logback-console.xml",
        rationale = "The operator mounts logConfiguration entries as Flink's console logging files and rejects any other file name.",
        remediation = "Rename the entry to log4j-console.properties (or logback-console.xml).")
public final class LogConfigKeyInvalid extends RuleCheck {
    private static final Set<String> ALLOWED = Set.of("log4j-console.properties", "logback-console.xml");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || !t.spec().path("logConfiguration").isObject()) {
            return;
        }
        t.spec().get("logConfiguration").fieldNames().forEachRemaining(key -> {
            if (!ALLOWED.contains(key)) {
                r.report(Pointers.child("/spec/logConfiguration", key),
                        "logConfiguration key '" + key + "' is not one of log4j-console.properties, logback-console.xml");
            }
        });
    }
}
