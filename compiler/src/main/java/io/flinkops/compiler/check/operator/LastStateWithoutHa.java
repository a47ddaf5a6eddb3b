package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-last-state-without-ha",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Before operator 1.10, last-state upgrades need high availability",
        rationale = "Operators up to 1.9 recover the latest checkpoint of a last-state upgrade from HA metadata and reject "
                + "upgradeMode: last-state without HA; 1.10 can cancel the job instead and accepts it.",
        remediation = "Enable HA (high-availability.type: kubernetes with high-availability.storageDir), or use savepoint mode.")
public final class LastStateWithoutHa extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.operatorAtLeast(1, 10) || !JobChecks.applies(t) || !"last-state".equals(t.upgradeMode())) {
            return;
        }
        if (!FlinkValues.haActivated(t.admissionConf())) {
            r.report("/spec/job/upgradeMode", "upgradeMode last-state needs high availability on operator " + t.operatorVersion());
        }
    }
}
