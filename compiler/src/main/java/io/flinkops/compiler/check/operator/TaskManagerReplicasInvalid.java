package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-taskmanager-replicas-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "TaskManager replicas, when set, must be at least 1",
        rationale = "The operator rejects a FlinkDeployment that asks for fewer than one TaskManager.",
        remediation = "Set spec.taskManager.replicas to 1 or more, or remove it to size by parallelism.")
public final class TaskManagerReplicasInvalid extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        JsonNode replicas = t.spec().path("taskManager").get("replicas");
        if (replicas != null && !replicas.isNull() && replicas.isNumber() && NumberOutOfRange.fitsInt(replicas) && replicas.asLong() < 1) {
            r.report("/spec/taskManager/replicas", "taskManager.replicas is " + replicas.asLong() + ", it must be at least 1");
        }
    }
}
