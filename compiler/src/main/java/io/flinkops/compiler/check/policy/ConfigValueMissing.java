package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;

@Rule(
        id = "config-value-missing",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "Every flinkConfiguration key has a value",
        rationale = "A key written without a value (key:) is null, and the API server drops null values before the "
                + "operator sees the resource: the setting the author meant is silently not applied (and the checks "
                + "judge the resource without it, as the operator will).",
        remediation = "Give the key a value, quoted if it looks like a number or boolean, or remove it.")
public final class ConfigValueMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!(t.isDeployment() || t.isSessionJob()) || !t.spec().path("flinkConfiguration").isObject()) {
            return;
        }
        t.spec().get("flinkConfiguration").properties().forEach(e -> {
            if (e.getValue().isNull()) {
                r.report(Pointers.child("/spec/flinkConfiguration", e.getKey()), "flinkConfiguration key " + e.getKey()
                        + " has no value; the API server drops it");
            }
        });
    }
}
