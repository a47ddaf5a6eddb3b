package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-session-job-missing-job",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "A FlinkSessionJob must describe its job",
        rationale = "A session job without spec.job has nothing to submit; the operator rejects it.",
        remediation = "Add spec.job with at least jarURI and parallelism.")
public final class SessionJobMissingJob extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isSessionJob() && !t.hasJob()) {
            r.report("/spec/job", "FlinkSessionJob has no spec.job");
        }
    }
}
