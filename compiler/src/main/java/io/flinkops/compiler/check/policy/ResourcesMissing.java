package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "resources-missing",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "JobManager and TaskManager set both cpu and memory",
        rationale = "Without explicit cpu the operator falls back to Flink's default of one core, and Karpenter packs "
                + "nodes by requests: unsized pods get throttled or evicted under load, and quotas cannot be planned.",
        remediation = "Pick a size from the environment (spec.size) or set spec.resources for both components.")
public final class ResourcesMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        for (String component : new String[] {"jobManager", "taskManager"}) {
            JsonNode resource = t.spec().path(component).path("resource");
            for (String field : new String[] {"cpu", "memory"}) {
                JsonNode v = resource.get(field);
                if (v == null || v.isNull()) {
                    String at = resource.isObject() ? "/spec/" + component + "/resource" : t.spec().has(component) ? "/spec/" + component : "/spec";
                    r.report(at, component + " " + field + " is not set");
                }
            }
        }
    }
}
