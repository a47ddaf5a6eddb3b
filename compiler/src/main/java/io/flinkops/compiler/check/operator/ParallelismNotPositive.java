package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-parallelism-not-positive",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "A job needs a parallelism of at least 1, or TaskManager replicas",
        rationale = "spec.job.parallelism defaults to 0; without taskManager.replicas the operator sizes the cluster "
                + "from the parallelism and rejects a job whose parallelism is below 1.",
        remediation = "Set spec.job.parallelism to 1 or more (or set spec.taskManager.replicas).")
public final class ParallelismNotPositive extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!JobChecks.applies(t)) {
            return;
        }
        JsonNode replicas = t.isDeployment() ? t.spec().path("taskManager").get("replicas") : null;
        if (replicas != null && !replicas.isNull()) {
            return; // replicas below 1 are operator-taskmanager-replicas-invalid
        }
        JsonNode p = t.job().get("parallelism");
        if (p != null && (!NumberOutOfRange.fitsInt(p) || !p.isNull() && !p.isNumber())) {
            return; // operator-number-out-of-range, or a type the schema check reports
        }
        long parallelism = p == null || p.isNull() ? 0 : p.asLong();
        if (parallelism < 1) {
            r.report(p == null ? "/spec/job" : "/spec/job/parallelism",
                    p == null ? "spec.job.parallelism is not set (it defaults to 0) and taskManager.replicas is not set"
                            : "job parallelism is " + parallelism + ", it must be at least 1");
        }
    }
}
