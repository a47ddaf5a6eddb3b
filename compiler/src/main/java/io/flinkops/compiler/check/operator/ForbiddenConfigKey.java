package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "operator-forbidden-config-key",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "The operator sets namespace and cluster ids itself",
        rationale = "kubernetes.namespace, kubernetes.cluster-id and high-availability.cluster-id are derived from the "
                + "resource's namespace and name; the operator rejects a FlinkDeployment that sets them.",
        remediation = "Remove the key from flinkConfiguration; name and namespace the resource instead.")
public final class ForbiddenConfigKey extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        FlinkConf conf = t.conf();
        for (String key : OperatorKeys.FORBIDDEN) {
            if (conf.asMap().containsKey(key)) {
                r.report(conf.pointer(key, "/spec/flinkConfiguration"), "flinkConfiguration sets " + key + ", which the operator forbids");
            }
        }
    }
}
