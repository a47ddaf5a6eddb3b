package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.Optional;

@Rule(
        id = "session-cluster-missing",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "A session job's cluster is declared, in the same namespace",
        rationale = "The operator looks for the session cluster only in the session job's namespace; when it is not "
                + "there, the FlinkSessionJob is accepted but never runs, and Argo CD shows it Synced.",
        remediation = "Declare the session cluster in the job's namespace, or fix spec.deploymentName.")
public final class SessionClusterMissing extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isSessionJob() || t.environment() == null || !t.spec().path("deploymentName").isTextual()) {
            return;
        }
        if (t.sessionCluster().isPresent()) {
            return;
        }
        String name = t.spec().path("deploymentName").textValue();
        Optional<EmittedObject> elsewhere = t.view().objects().stream()
                .filter(o -> o.kind().equals("FlinkDeployment") && o.name().equals(name)).findFirst();
        r.report("/spec/deploymentName", "session cluster '" + name + "' is not declared in namespace " + t.object().namespace()
                + elsewhere.map(o -> " (a cluster of that name is in namespace " + o.namespace() + ")").orElse(""));
    }
}
