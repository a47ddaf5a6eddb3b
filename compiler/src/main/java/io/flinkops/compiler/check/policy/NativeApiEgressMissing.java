package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.List;

@Rule(
        id = "native-api-egress-missing",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "A native-mode JobManager can reach the Kubernetes API",
        rationale = "In native mode the JobManager creates its TaskManager pods and, with HA, its leader ConfigMaps "
                + "through the API server; behind a default deny without an allow on 443/6443 the job never starts.",
        remediation = "Allow egress to the API server (flinkops emits allow-kubernetes-api for declared namespaces), or use standalone mode.")
public final class NativeApiEgressMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || "standalone".equals(t.spec().path("mode").asText())) {
            return;
        }
        List<EmittedObject> policies = NetworkPolicies.in(t.view(), t.object().namespace());
        boolean denied = policies.stream().anyMatch(np -> NetworkPolicies.isDefaultDeny(np.object()));
        if (denied && !NetworkPolicies.allowsEgressPort(policies, 443, 6443)) {
            r.report(t.spec().has("mode") ? "/spec/mode" : "/spec", "native mode needs egress to the Kubernetes API, which the namespace's policies deny");
        }
    }
}
