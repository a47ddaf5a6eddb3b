package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "checkpointing-disabled",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Stateful jobs checkpoint periodically",
        rationale = "last-state upgrades restore the latest checkpoint; without periodic checkpointing there is "
                + "none, and the job restarts from its initial state (or from a savepoint hours old).",
        remediation = "Enable checkpointing (spec.checkpointing.interval, or execution.checkpointing.interval in flinkConfiguration).")
public final class CheckpointingDisabled extends RuleCheck {
    static final String[] INTERVAL = {"execution.checkpointing.interval"};

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t) || !t.hasJob() || "stateless".equals(t.upgradeMode())) {
            return;
        }
        FlinkConf conf = t.isSessionJob() ? t.conf().over(t.clusterConf()).over(t.operatorDefaults()) : t.admissionConf();
        if (conf.get(INTERVAL).isEmpty()) {
            r.report("/spec/job/upgradeMode", "upgradeMode " + t.upgradeMode() + " but execution.checkpointing.interval is not set");
        }
    }
}
