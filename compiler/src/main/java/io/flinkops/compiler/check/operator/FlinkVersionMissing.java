package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-flink-version-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "A FlinkDeployment must say which Flink version its image runs",
        rationale = "The operator chooses configuration keys and features by spec.flinkVersion and rejects a deployment without it.",
        remediation = "Set spec.flinkVersion to the version in the image, for example v1_17.")
public final class FlinkVersionMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isDeployment() && !t.spec().path("flinkVersion").isTextual()) {
            r.report("/spec/flinkVersion", "spec.flinkVersion is not set");
        }
    }
}
