package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.EnvironmentView;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.HashSet;
import java.util.Set;

@Rule(
        id = "network-default-deny-missing",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Every namespace that runs Flink has a default-deny NetworkPolicy",
        rationale = "Without a default deny every pod may reach the JobManager's REST port (which can submit code) "
                + "and every job may talk to anything; allows are only meaningful on top of a deny.",
        remediation = "Declare the namespace in environment.yaml so flinkops emits its default-deny and allow policies.")
public final class NetworkDefaultDenyMissing extends RuleCheck {
    @Override
    public void checkEnvironment(EnvironmentView view, Reporter r) {
        boolean renderedRoot = view.objects().stream().anyMatch(o -> o.kind().equals("NetworkPolicy"));
        if (view.environment() == null && !renderedRoot) {
            return; // single raw files carry no network policies; only environments and rendered roots do
        }
        Set<String> reported = new HashSet<>();
        for (EmittedObject o : view.objects()) {
            if (!NetworkPolicies.namespaceWorkload(o) || reported.contains(o.namespace())) {
                continue;
            }
            boolean deny = NetworkPolicies.in(view, o.namespace()).stream().anyMatch(np -> NetworkPolicies.isDefaultDeny(np.object()));
            if (!deny) {
                reported.add(o.namespace());
                r.report(o, o.namespace().isEmpty() ? "/metadata" : "/metadata/namespace",
                        "namespace " + (o.namespace().isEmpty() ? "(none)" : o.namespace()) + " has no default-deny NetworkPolicy");
            }
        }
    }
}
