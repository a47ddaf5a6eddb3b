package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.regex.Pattern;

@Rule(
        id = "operator-name-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Flink cluster names must be lower-case, start with a letter and be at most 45 characters",
        rationale = "The operator derives Services, ConfigMaps and pod names from the cluster name and refuses a "
                + "FlinkDeployment (or a FlinkSessionJob's deploymentName) that does not match [a-z]([-a-z0-9]{0,43}[a-z0-9])?.",
        remediation = "Rename the cluster with lower-case letters, digits and '-', starting with a letter, at most 45 characters.")
public final class NameInvalid extends RuleCheck {
    static final Pattern NAME = Pattern.compile("[a-z]([-a-z\\d]{0,43}[a-z\\d])?");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.isDeployment()) {
            JsonNode name = t.root().path("metadata").path("name");
            if (name.isTextual() && !NAME.matcher(name.textValue()).matches()) {
                r.report("/metadata/name", "FlinkDeployment name '" + name.textValue() + "' is not a valid Flink cluster name"
                        + (name.textValue().length() > 45 ? " (" + name.textValue().length() + " characters, at most 45)" : ""));
            }
        } else if (t.isSessionJob()) {
            JsonNode name = t.spec().path("deploymentName");
            if (!name.isTextual()) {
                r.report("/spec/deploymentName", "FlinkSessionJob has no spec.deploymentName naming its session cluster");
            } else if (!NAME.matcher(name.textValue()).matches()) {
                r.report("/spec/deploymentName", "deploymentName '" + name.textValue() + "' is not a valid Flink cluster name");
            }
        }
    }
}
