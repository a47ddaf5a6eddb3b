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
        id = "operator-memory-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Memory must be a Flink memory size or a whole-byte Kubernetes quantity",
        rationale = "The operator parses resource.memory as a Flink size (1024m, 2g) or a Kubernetes quantity (2Gi); "
                + "it rejects anything else, including fractions such as 1.5Gi that do not come to whole bytes as Flink reads them.",
        remediation = "Write the memory as whole units, for example 1536m or 2Gi.")
public final class MemoryInvalid extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        for (String component : new String[] {"jobManager", "taskManager"}) {
            JsonNode memory = t.spec().path(component).path("resource").get("memory");
            if (memory == null || memory.isNull() || !memory.isTextual()) {
                continue;
            }
            if (FlinkValues.resourceMemory(memory.textValue()).isEmpty()) {
                r.report("/spec/" + component + "/resource/memory",
                        component + " memory '" + memory.textValue() + "' is not a memory size the operator can parse");
            }
        }
    }
}
