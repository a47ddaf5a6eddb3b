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
        id = "operator-health-check-without-recovery",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "The cluster health check needs JobManager deployment recovery",
        rationale = "The health check restarts unhealthy clusters through deployment recovery; the operator rejects "
                + OperatorKeys.HEALTH_CHECK + ": true with jm-deployment-recovery disabled, and values that are not booleans.",
        remediation = "Leave kubernetes.operator.jm-deployment-recovery.enabled at true, or disable the health check.")
public final class HealthCheckWithoutRecovery extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        FlinkConf conf = t.admissionConf();
        Optional<String> health = conf.get(OperatorKeys.HEALTH_CHECK);
        if (health.isEmpty()) {
            return;
        }
        String at = conf.pointer(OperatorKeys.HEALTH_CHECK, "/spec/flinkConfiguration");
        Optional<Boolean> on = FlinkValues.bool(health.get());
        if (on.isEmpty()) {
            r.report(at, OperatorKeys.HEALTH_CHECK + " is '" + health.get() + "', not true or false");
            return;
        }
        if (!on.get()) {
            return;
        }
        Optional<String> recovery = conf.get(OperatorKeys.JM_RECOVERY);
        if (recovery.isEmpty()) {
            return;
        }
        String recoveryAt = conf.pointer(conf.keyOf(OperatorKeys.JM_RECOVERY).orElseThrow(), at);
        Optional<Boolean> recoveryOn = FlinkValues.bool(recovery.get());
        if (recoveryOn.isEmpty()) {
            r.report(recoveryAt, "jm-deployment-recovery is '" + recovery.get() + "', not true or false");
        } else if (!recoveryOn.get()) {
            r.report(recoveryAt, "the cluster health check is enabled but JobManager deployment recovery is disabled");
        }
    }
}
