package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-checkpoint-dir-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Stateful upgrade modes need a checkpoint directory",
        rationale = "last-state and savepoint upgrades restore from checkpoints; the operator rejects them when "
                + "state.checkpoints.dir (execution.checkpointing.dir on newer Flink) is not set.",
        remediation = "Set state.checkpoints.dir (execution.checkpointing.dir from Flink 1.20) to a durable path such as "
                + "s3://<bucket>/<env>/<namespace>/<job>/checkpoints.")
public final class CheckpointDirMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!JobChecks.applies(t) || "stateless".equals(t.upgradeMode())) {
            return;
        }
        if (t.admissionConf().get(OperatorKeys.checkpointDir(t)).map(String::isBlank).orElse(true)) {
            r.report("/spec/job/upgradeMode", "upgradeMode " + t.upgradeMode() + " needs " + OperatorKeys.checkpointDirNamed(t)
                    + (t.isSessionJob() ? " in the session cluster's configuration" : ""));
        }
    }
}
