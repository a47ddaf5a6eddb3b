package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;
import java.util.function.Supplier;

@Rule(
        id = "operator-memory-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "JobManager and TaskManager memory must be defined",
        rationale = "Flink cannot size its processes without a memory budget. When a FlinkDeployment's jobManager or "
                + "taskManager has no resource.memory, the operator's admission sizes that process from flinkConfiguration "
                + "(over its default configuration) with Flink's own memory model, and refuses the resource when that "
                + "fails: when no process, Flink or heap memory is set, when a memory option or "
                + "taskmanager.numberOfTaskSlots does not parse, or when the sizes do not add up (metaspace and overhead "
                + "larger than the process, a heap larger than the Flink memory, a fraction of 1 or more, a minimum above "
                + "its maximum). flinkops runs the same derivation (Flink 1.17's, checked against Flink's own classes on "
                + "random configurations).",
        remediation = "Set spec.jobManager.resource.memory and spec.taskManager.resource.memory (for example 2048m), or "
                + "fix the memory options the message names.")
public final class MemoryMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        FlinkConf conf = t.admissionConf();
        check(t, r, conf, "jobManager", "JobManager", () -> FlinkProcessMemory.jobManagerProblem(conf));
        check(t, r, conf, "taskManager", "TaskManager", () -> FlinkProcessMemory.taskManagerProblem(conf));
    }

    private static void check(CheckTarget t, Reporter r, FlinkConf conf, String field, String label,
            Supplier<Optional<FlinkProcessMemory.Problem>> sizing) {
        JsonNode memory = t.spec().path(field).path("resource").get("memory");
        if (memory != null && !memory.isNull() && !memory.asText().isBlank()) {
            return;
        }
        Optional<FlinkProcessMemory.Problem> problem = sizing.get();
        if (problem.isEmpty()) {
            return;
        }
        String pointer = t.spec().has(field) ? "/spec/" + field : "/spec";
        FlinkProcessMemory.Problem p = problem.get();
        if (p.reason().startsWith("none of ")) {
            r.report(pointer, label + " memory is not defined (spec." + field + ".resource.memory)");
        } else {
            r.report(p.key() == null ? pointer : conf.pointer(p.key(), pointer), label + " memory is not defined (spec." + field
                    + ".resource.memory), and Flink cannot size the " + label + " from flinkConfiguration: " + p.reason());
        }
    }
}
