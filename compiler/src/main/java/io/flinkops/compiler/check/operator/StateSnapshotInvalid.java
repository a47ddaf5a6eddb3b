package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-state-snapshot-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "A FlinkStateSnapshot is exactly one of savepoint or checkpoint, with a job reference",
        rationale = "Operator 1.10 rejects a FlinkStateSnapshot that sets both or neither of spec.savepoint and "
                + "spec.checkpoint, and one without spec.jobReference unless it records a savepoint that already exists.",
        remediation = "Set exactly one of spec.savepoint or spec.checkpoint, and spec.jobReference naming the job.")
public final class StateSnapshotInvalid extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isFlinkApi() || !"FlinkStateSnapshot".equals(t.kind())) {
            return;
        }
        boolean savepoint = present(t.spec().get("savepoint"));
        boolean checkpoint = present(t.spec().get("checkpoint"));
        if (savepoint == checkpoint) {
            r.report("/spec", savepoint ? "FlinkStateSnapshot sets both savepoint and checkpoint" : "FlinkStateSnapshot sets neither savepoint nor checkpoint");
            return;
        }
        if (savepoint && t.spec().path("savepoint").path("alreadyExists").asBoolean(false)) {
            return;
        }
        if (!present(t.spec().get("jobReference"))) {
            r.report("/spec", "FlinkStateSnapshot has no spec.jobReference");
        }
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }
}
