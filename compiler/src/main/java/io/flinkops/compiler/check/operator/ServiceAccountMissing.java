package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-service-account-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "A FlinkDeployment must name its service account",
        rationale = "The JobManager talks to the Kubernetes API (native mode, HA) as spec.serviceAccount; the operator rejects a deployment without one.",
        remediation = "Set spec.serviceAccount to the namespace's Flink service account (flink by default).")
public final class ServiceAccountMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isDeployment() && (!t.spec().has("serviceAccount") || t.spec().get("serviceAccount").isNull())) {
            r.report("/spec/serviceAccount", "spec.serviceAccount is not set");
        }
    }
}
