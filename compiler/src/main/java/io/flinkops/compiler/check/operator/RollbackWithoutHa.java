package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "operator-rollback-without-ha",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Deployment rollback needs high availability",
        rationale = "A rollback restores the last stable spec from HA metadata; the operator rejects "
                + OperatorKeys.ROLLBACK + ": true while high-availability is off, and any value that is not true or false.",
        remediation = "Enable HA (high-availability.type: kubernetes) or turn rollback off.")
public final class RollbackWithoutHa extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        FlinkConf conf = t.admissionConf();
        Optional<String> value = conf.get(OperatorKeys.ROLLBACK);
        if (value.isEmpty()) {
            return;
        }
        String at = conf.pointer(OperatorKeys.ROLLBACK, "/spec/flinkConfiguration");
        Optional<Boolean> on = FlinkValues.bool(value.get());
        if (on.isEmpty()) {
            r.report(at, OperatorKeys.ROLLBACK + " is '" + value.get() + "', not true or false");
        } else if (on.get() && !FlinkValues.haActivated(conf)) {
            r.report(at, "rollback is enabled but high availability is not");
        }
    }
}
