package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "high-availability-storage-missing",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "High availability has a storage directory",
        rationale = "With high availability on (high-availability.type kubernetes, zookeeper or a factory class), Flink "
                + "keeps the JobManager's metadata under high-availability.storageDir and refuses to start without one "
                + "('Configuration is missing the mandatory parameter: high-availability.storageDir'), while the API "
                + "server and the operator's admission accept the resource. Judged on the resource's configuration over the "
                + "operator's default one (environment.yaml's spec.operator.defaultConfiguration), as Flink gets them. "
                + "Amazon EMR on EKS's operator (an object with spec.emrReleaseLabel) also takes spec.jobManager.storageDir.",
        remediation = "Set high-availability.storageDir to a path on S3 (s3://bucket/env/namespace/job/ha), or turn high "
                + "availability off.")
public final class HighAvailabilityStorageMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        FlinkConf conf = t.admissionConf();
        if (FlinkValues.haActivated(conf) && conf.get(OperatorKeys.HA_STORAGE).map(String::isBlank).orElse(true)
                && !(t.isEmrFlavour() && !t.spec().path("jobManager").path("storageDir").asText("").isBlank())) {
            String key = conf.keyOf(OperatorKeys.HA_MODE).orElseThrow();
            if (conf.get(key).orElseThrow().isBlank()) {
                return; // an empty mode names no HA services at all, which is another problem than their storage
            }
            r.report(conf.pointer(key, "/spec/flinkConfiguration"), "high availability is on (" + key + ": "
                    + conf.get(key).orElseThrow() + ") but no high-availability.storageDir is set: the JobManager does not start");
        }
    }
}
