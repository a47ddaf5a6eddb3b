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
        rationale = "The JobManager talks to the Kubernetes API (native mode, HA) as spec.serviceAccount; the operator rejects a "
                + "deployment without one. Amazon EMR on EKS's operator (an object with spec.emrReleaseLabel) runs a job "
                + "that names spec.executionRoleArn as a service account of its own making instead.",
        remediation = "Set spec.serviceAccount to the namespace's Flink service account (flink by default).")
public final class ServiceAccountMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isDeployment() && (!t.spec().has("serviceAccount") || t.spec().get("serviceAccount").isNull())
                && !(t.isEmrFlavour() && t.spec().path("executionRoleArn").isTextual())) {
            r.report("/spec/serviceAccount", "spec.serviceAccount is not set");
        }
    }
}
