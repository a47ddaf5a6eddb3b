package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-savepoint-dir-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Savepoints need a savepoint directory",
        rationale = "The operator rejects savepoint upgrade mode, a savepointTriggerNonce, periodic savepoints and the "
                + "last-state checkpoint age limit when state.savepoints.dir is not set, because each of them takes a savepoint.",
        remediation = "Set state.savepoints.dir (execution.checkpointing.savepoint-dir from Flink 1.20) to a durable path such as "
                + "s3://<bucket>/<env>/<namespace>/<job>/savepoints.")
public final class SavepointDirMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!JobChecks.applies(t)) {
            return;
        }
        FlinkConf conf = t.admissionConf();
        if (!conf.get(OperatorKeys.savepointDir(t)).map(String::isBlank).orElse(true)) {
            return;
        }
        String key = OperatorKeys.savepointDirNamed(t);
        if ("savepoint".equals(t.upgradeMode())) {
            r.report("/spec/job/upgradeMode", "upgradeMode savepoint needs " + key);
        } else if (t.job().has("savepointTriggerNonce") && !t.job().get("savepointTriggerNonce").isNull()) {
            r.report("/spec/job/savepointTriggerNonce", "a savepoint cannot be triggered without " + key);
        } else if (conf.asMap().containsKey(OperatorKeys.PERIODIC_SAVEPOINT)) {
            r.report(conf.pointer(OperatorKeys.PERIODIC_SAVEPOINT, "/spec/job"), "periodic savepoints need " + key);
        } else if (conf.asMap().containsKey(OperatorKeys.CHECKPOINT_MAX_AGE)) {
            r.report(conf.pointer(OperatorKeys.CHECKPOINT_MAX_AGE, "/spec/job"), "the last-state checkpoint age limit needs " + key);
        }
    }
}
