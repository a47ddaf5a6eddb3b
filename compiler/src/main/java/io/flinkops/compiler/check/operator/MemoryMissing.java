package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;
import java.util.Optional;

@Rule(
        id = "operator-memory-missing",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "JobManager and TaskManager memory must be defined",
        rationale = "Flink cannot size its processes without a memory budget; the operator rejects a FlinkDeployment "
                + "whose jobManager or taskManager has no resource.memory unless flinkConfiguration sets the process, "
                + "Flink or heap memory of that component.",
        remediation = "Set spec.jobManager.resource.memory and spec.taskManager.resource.memory (for example 2048m).")
public final class MemoryMissing extends RuleCheck {
    private static final List<List<String>> JM_ALTERNATIVES = List.of(
            List.of("jobmanager.memory.process.size"), List.of("jobmanager.memory.flink.size"),
            List.of("jobmanager.memory.heap.size"), List.of("jobmanager.heap.size"), List.of("jobmanager.heap.mb"));
    private static final List<List<String>> TM_ALTERNATIVES = List.of(
            List.of("taskmanager.memory.process.size"), List.of("taskmanager.memory.flink.size"),
            List.of("taskmanager.memory.task.heap.size", "taskmanager.memory.managed.size"));

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        FlinkConf conf = t.admissionConf();
        check(t, r, conf, "jobManager", "JobManager", JM_ALTERNATIVES);
        check(t, r, conf, "taskManager", "TaskManager", TM_ALTERNATIVES);
    }

    private static void check(CheckTarget t, Reporter r, FlinkConf conf, String field, String label, List<List<String>> alternatives) {
        JsonNode memory = t.spec().path(field).path("resource").get("memory");
        if (memory != null && !memory.isNull() && !memory.asText().isBlank()) {
            return;
        }
        for (List<String> keys : alternatives) {
            boolean all = true;
            for (String k : keys) {
                Optional<String> v = conf.get(k);
                all &= v.isPresent() && (k.endsWith(".mb") ? v.get().trim().matches("\\d+") : FlinkValues.flinkMemory(v.get()).isPresent());
            }
            if (all) {
                return;
            }
        }
        String pointer = t.spec().has(field) ? "/spec/" + field : "/spec";
        r.report(pointer, label + " memory is not defined (spec." + field + ".resource.memory)");
    }
}
