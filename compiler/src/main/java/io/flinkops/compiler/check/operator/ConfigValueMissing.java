package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;

@Rule(
        id = "operator-config-value-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Every flinkConfiguration key has a value",
        rationale = "A key written without a value (key:) reaches the operator as null, and its validator fails on it "
                + "while building the Flink configuration, so the resource is rejected.",
        remediation = "Give the key a value, quoted if it looks like a number or boolean, or remove it.")
public final class ConfigValueMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!(t.isDeployment() || t.isSessionJob()) || !t.spec().path("flinkConfiguration").isObject()) {
            return;
        }
        t.spec().get("flinkConfiguration").properties().forEach(e -> {
            if (e.getValue().isNull()) {
                r.report(Pointers.child("/spec/flinkConfiguration", e.getKey()), "flinkConfiguration key " + e.getKey() + " has no value");
            }
        });
    }
}
