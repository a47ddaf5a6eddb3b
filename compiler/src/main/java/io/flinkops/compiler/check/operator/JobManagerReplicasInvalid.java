package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-jobmanager-replicas-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "At least one JobManager, and standby JobManagers only with HA",
        rationale = "The operator rejects jobManager.replicas below 1, and more than one replica without high "
                + "availability, since standby JobManagers elect a leader through HA services.",
        remediation = "Use one JobManager, or enable HA (high-availability.type: kubernetes) for more.")
public final class JobManagerReplicasInvalid extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        JsonNode jm = t.spec().get("jobManager");
        if (!t.isDeployment() || jm == null || jm.isNull()) {
            return;
        }
        JsonNode replicas = jm.get("replicas");
        if (replicas != null && (!NumberOutOfRange.fitsInt(replicas) || !replicas.isNull() && !replicas.isNumber())) {
            return; // operator-number-out-of-range, or a type the schema check reports
        }
        long n = replicas == null || replicas.isNull() ? 1 : replicas.asLong();
        if (n < 1) {
            r.report("/spec/jobManager/replicas", "jobManager.replicas is " + n + ", it must be at least 1");
        } else if (n > 1 && !FlinkValues.haActivated(t.admissionConf())) {
            r.report("/spec/jobManager/replicas", n + " JobManager replicas need high availability, which is not enabled");
        }
    }
}
