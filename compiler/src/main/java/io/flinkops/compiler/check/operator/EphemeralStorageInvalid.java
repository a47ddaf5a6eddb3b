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
        id = "operator-ephemeral-storage-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Ephemeral storage must be a Kubernetes quantity",
        rationale = "The operator turns ephemeralStorage into a pod request and rejects values that are not quantities such as 10Gi or 500M.",
        remediation = "Write ephemeralStorage as a Kubernetes quantity, for example 10Gi.")
public final class EphemeralStorageInvalid extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        for (String component : new String[] {"jobManager", "taskManager"}) {
            JsonNode storage = t.spec().path(component).path("resource").get("ephemeralStorage");
            if (storage == null || storage.isNull() || !storage.isTextual()) {
                continue;
            }
            if (FlinkValues.quantity(storage.textValue()).isEmpty()) {
                r.report("/spec/" + component + "/resource/ephemeralStorage",
                        component + " ephemeralStorage '" + storage.textValue() + "' is not a Kubernetes quantity");
            }
        }
    }
}
