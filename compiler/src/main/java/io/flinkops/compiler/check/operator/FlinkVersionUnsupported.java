package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Set;

@Rule(
        id = "operator-flink-version-unsupported",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Operator 1.10 and later refuse Flink 1.13 and 1.14",
        rationale = "The CRD still lists v1_13 and v1_14, but from operator 1.10 on the admission webhook rejects them as no longer supported.",
        remediation = "Upgrade the job to Flink 1.15 or newer (image and spec.flinkVersion together).")
public final class FlinkVersionUnsupported extends RuleCheck {
    private static final Set<String> DROPPED = Set.of("v1_13", "v1_14");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        String v = t.spec().path("flinkVersion").asText("");
        if (t.isDeployment() && t.operatorAtLeast(1, 10) && DROPPED.contains(v)) {
            r.report("/spec/flinkVersion", "Flink version " + v + " is not supported by operator " + t.operatorVersion());
        }
    }
}
