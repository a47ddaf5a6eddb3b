package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-session-job-last-state",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Before operator 1.10, session jobs cannot use last-state upgrades",
        rationale = "Operators up to 1.9 reject upgradeMode: last-state on a FlinkSessionJob; 1.10 supports it.",
        remediation = "Use savepoint (or stateless) for session jobs on this operator version.")
public final class SessionJobLastState extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isSessionJob() && t.hasJob() && !t.operatorAtLeast(1, 10) && "last-state".equals(t.upgradeMode())) {
            r.report("/spec/job/upgradeMode", "session jobs do not support upgradeMode last-state on operator " + t.operatorVersion());
        }
    }
}
