package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "owner-label-missing",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "Flink resources carry an owner or team label",
        rationale = "When a job pages someone at night, the label is how the on-call engineer finds its owner; cost "
                + "reports and quotas group by it too.",
        remediation = "Set spec.owner (flinkops kinds), or a flinkops.io/team or flinkops.io/owner label on raw resources.",
        parameters = {"labels=flinkops.io/team,flinkops.io/owner: any of these labels satisfies the rule"})
public final class OwnerLabelMissing extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return invalidList(value, "label keys");
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        var labels = t.root().path("metadata").path("labels");
        for (String l : r.param("labels").split("\\s*,\\s*")) {
            if (labels.path(l).isTextual() && !labels.path(l).textValue().isBlank()) {
                return;
            }
        }
        r.report(labels.isObject() ? "/metadata/labels" : "/metadata", "has none of the labels " + r.param("labels"));
    }
}
