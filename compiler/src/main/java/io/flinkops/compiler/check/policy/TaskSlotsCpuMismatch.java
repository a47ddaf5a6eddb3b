package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "task-slots-cpu-mismatch",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "Task slots per TaskManager match its cpu",
        rationale = "Each slot runs a pipeline of tasks; many more slots than cores starve them of cpu and make "
                + "checkpoints time out, while fewer slots than cores waste what the pod requested.",
        remediation = "Set taskmanager.numberOfTaskSlots (the size's taskSlots) close to the TaskManager cpu.",
        parameters = {"maxSlotsPerCpu=2: most slots per requested core"})
public final class TaskSlotsCpuMismatch extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return invalidPositive(value);
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        Optional<String> slots = t.admissionConf().get("taskmanager.numberOfTaskSlots");
        var cpu = t.spec().path("taskManager").path("resource").get("cpu");
        if (slots.isEmpty() || cpu == null || !cpu.isNumber() || cpu.doubleValue() <= 0) {
            return;
        }
        int n;
        try {
            n = Integer.parseInt(slots.get().trim());
        } catch (NumberFormatException e) {
            return; // flink-config-value-invalid's
        }
        double perCpu = Double.parseDouble(r.param("maxSlotsPerCpu"));
        if (n > Math.ceil(cpu.doubleValue()) * perCpu) {
            r.report(t.admissionConf().pointer("taskmanager.numberOfTaskSlots", "/spec"),
                    n + " task slots on " + cpu.asText() + " cpu (at most " + perCpu + " slots per core)");
        }
    }
}
