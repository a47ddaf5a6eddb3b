package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.model.Environment;

@Rule(
        id = "namespace-undeclared",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "A job's namespace is declared in its environment and watched by the operator there",
        rationale = "flinkops creates the namespace, service account, RBAC and network policies only for declared "
                + "namespaces, and an operator that does not watch a namespace never reconciles the resources in it: "
                + "Argo CD shows them Synced while nothing runs.",
        remediation = "Add the namespace to spec.namespaces and spec.operator.watchNamespaces of environment.yaml, or move the job.")
public final class NamespaceUndeclared extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        Environment env = t.environment();
        if (env == null || !FlinkResources.workload(t)) {
            return;
        }
        String ns = t.object().namespace();
        String at = ns.isEmpty() ? "/metadata" : "/metadata/namespace";
        if (ns.isEmpty()) {
            r.report(at, "has no metadata.namespace; it would land in whatever namespace Argo CD defaults to");
            return;
        }
        if (env.namespace(ns).isEmpty()) {
            r.report(at, "namespace " + ns + " is not declared in environment " + env.name());
        }
        if (!env.watchNamespaces().isEmpty() && !env.watchNamespaces().contains(ns)) {
            r.report(at, "the operator in environment " + env.name() + " does not watch namespace " + ns);
        }
    }
}
