package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "parallelism-unreachable",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "A job's parallelism fits in the slots its TaskManagers offer",
        rationale = "With a fixed taskManager.replicas the cluster has replicas x slots slots; a higher parallelism "
                + "leaves the job waiting for resources forever (NoResourceAvailableException after the timeout).",
        remediation = "Lower spec.job.parallelism, raise the slots per TaskManager, or drop taskManager.replicas so the operator sizes the cluster.")
public final class ParallelismUnreachable extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || !t.hasJob()) {
            return;
        }
        JsonNode replicas = t.spec().path("taskManager").get("replicas");
        JsonNode parallelism = t.job().get("parallelism");
        if (replicas == null || !replicas.isNumber() || parallelism == null || !parallelism.isNumber()) {
            return;
        }
        Optional<Long> taskSlots = FlinkResources.taskSlots(t);
        if (taskSlots.isEmpty()) {
            return;
        }
        long slots = taskSlots.get();
        long available = replicas.asLong() * slots;
        if (parallelism.asLong() > available) {
            r.report("/spec/job/parallelism", "parallelism " + parallelism.asLong() + " needs more slots than the "
                    + available + " that " + replicas.asLong() + " TaskManagers x " + slots + " slots offer");
        }
    }
}
