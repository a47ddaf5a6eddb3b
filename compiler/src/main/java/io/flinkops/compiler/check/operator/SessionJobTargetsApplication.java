package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-session-job-targets-application-cluster",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "A FlinkSessionJob must run on a session cluster, not an application cluster",
        rationale = "An application cluster runs exactly one job; the operator rejects a session job whose deploymentName "
                + "names a FlinkDeployment that has spec.job.",
        remediation = "Point deploymentName at a FlinkDeployment without spec.job (a session cluster).")
public final class SessionJobTargetsApplication extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        t.sessionCluster().ifPresent(cluster -> {
            var job = cluster.object().path("spec").get("job");
            if (job != null && !job.isNull()) {
                r.report("/spec/deploymentName", "deploymentName '" + cluster.name() + "' is an application cluster (it has spec.job)");
            }
        });
    }
}
