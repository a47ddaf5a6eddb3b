package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "high-availability-missing",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "Jobs that upgrade with last-state run with high availability",
        rationale = "Operator 1.10 accepts last-state without HA by cancelling the job, but a JobManager crash then "
                + "loses the pointer to the latest checkpoint; with HA the job resumes where it stopped. Amazon EMR on "
                + "EKS's operator (an object with spec.emrReleaseLabel) turns HA on unless "
                + "spec.jobManager.highAvailabilityEnabled is false.",
        remediation = "Set spec.highAvailability: true (flinkOps kinds) or high-availability.type: kubernetes with a storageDir on S3.")
public final class HighAvailabilityMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isDeployment() && t.hasJob() && "last-state".equals(t.upgradeMode()) && !FlinkValues.haActivated(t.admissionConf())
                && !t.emrHighAvailability()) {
            r.report("/spec/job/upgradeMode", "upgradeMode last-state without high availability");
        }
    }
}
