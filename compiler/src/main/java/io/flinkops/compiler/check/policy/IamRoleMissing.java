package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.model.Environment;

@Rule(
        id = "iam-role-missing",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Jobs that use S3 run as a service account with an IAM role (IRSA or Pod Identity)",
        rationale = "Without a role bound to the service account, pods fall back to the node's instance role (too "
                + "broad, shared by every pod on the node) or to static keys; both are findings in any EKS review. "
                + "Amazon EMR on EKS's operator (an object with spec.emrReleaseLabel) runs the job as "
                + "spec.executionRoleArn instead.",
        remediation = "Give the namespace an iamRoleArn in environment.yaml (identity: irsa or pod-identity).")
public final class IamRoleMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        Environment env = t.environment();
        if (env == null || !t.isDeployment()) {
            return;
        }
        if (t.isEmrFlavour() && !t.spec().path("executionRoleArn").asText("").isBlank()) {
            return;
        }
        boolean usesS3 = StatePaths.of(t).values().stream().anyMatch(p -> StatePaths.scheme(p).startsWith("s3"));
        if (!usesS3) {
            return;
        }
        String sa = t.spec().path("serviceAccount").asText("");
        env.namespace(t.object().namespace()).ifPresent(ns -> {
            if (ns.iamRoleArn() == null) {
                r.report("/spec/serviceAccount", "writes state to S3 but namespace " + ns.name() + " has no IAM role for its service account");
            } else if (!sa.equals(ns.serviceAccount())) {
                r.report("/spec/serviceAccount", "runs as service account '" + sa + "', not '" + ns.serviceAccount() + "' which carries the namespace's IAM role");
            }
        });
    }
}
