package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "resources-out-of-bounds",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Memory and cpu stay within the environment's bounds, and above what Flink needs to start",
        rationale = "A JobManager under about 768 MiB or a TaskManager under 1 GiB fails at start-up once Flink's "
                + "metaspace and overhead are taken out; pods larger than the biggest node never schedule.",
        remediation = "Choose memory and cpu between the rule's bounds (see the parameters), or pick another size.",
        parameters = {
            "minJobManagerMemory=768m: smallest JobManager memory",
            "minTaskManagerMemory=1g: smallest TaskManager memory",
            "maxMemory=64g: largest memory of one pod",
            "maxCpu=16: most cores of one pod"})
public final class ResourcesOutOfBounds extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        if (name.equals("maxCpu")) {
            return invalidPositive(value);
        }
        return FlinkValues.flinkMemory(value).isPresent() ? Optional.empty()
                : Optional.of("'" + value + "' is not a memory size (like 768m, 2g or 2048mb)");
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        long maxMemory = FlinkValues.flinkMemory(r.param("maxMemory")).orElse(Long.MAX_VALUE);
        double maxCpu = Double.parseDouble(r.param("maxCpu"));
        check(t, r, "jobManager", FlinkValues.flinkMemory(r.param("minJobManagerMemory")).orElse(0L), maxMemory, maxCpu);
        check(t, r, "taskManager", FlinkValues.flinkMemory(r.param("minTaskManagerMemory")).orElse(0L), maxMemory, maxCpu);
    }

    private static void check(CheckTarget t, Reporter r, String component, long min, long max, double maxCpu) {
        JsonNode resource = t.spec().path(component).path("resource");
        JsonNode memory = resource.get("memory");
        if (memory != null && memory.isTextual()) {
            Optional<Long> bytes = FlinkValues.resourceMemory(memory.textValue());
            if (bytes.isPresent() && bytes.get() < min) {
                r.report("/spec/" + component + "/resource/memory", component + " memory " + memory.textValue()
                        + " is below " + mib(min) + ", too little for Flink to start");
            } else if (bytes.isPresent() && bytes.get() > max) {
                r.report("/spec/" + component + "/resource/memory", component + " memory " + memory.textValue() + " is above the limit of " + mib(max));
            }
        }
        JsonNode cpu = resource.get("cpu");
        if (cpu != null && cpu.isNumber()) {
            if (cpu.doubleValue() <= 0) {
                r.report("/spec/" + component + "/resource/cpu", component + " cpu " + cpu.asText() + " must be above zero");
            } else if (cpu.doubleValue() > maxCpu) {
                r.report("/spec/" + component + "/resource/cpu", component + " cpu " + cpu.asText() + " is above the limit of " + maxCpu);
            }
        }
    }

    private static String mib(long bytes) {
        return (bytes >> 20) + " MiB";
    }
}
