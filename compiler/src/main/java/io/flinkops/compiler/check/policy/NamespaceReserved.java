package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Set;

@Rule(
        id = "namespace-reserved",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Flink workloads do not run in default, kube-system or the operator's namespace",
        rationale = "Shared and system namespaces mix Flink pods with workloads they should not see, defeat "
                + "per-team quotas and network policies, and give the operator's own namespace a blast radius it must not have.",
        remediation = "Move the job to a dedicated namespace declared in the environment.")
public final class NamespaceReserved extends RuleCheck {
    private static final Set<String> RESERVED = Set.of("default", "kube-system", "kube-public", "kube-node-lease");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        String ns = t.object().namespace().isEmpty() ? "default" : t.object().namespace();
        String operatorNs = t.environment() == null ? "flink-operator" : t.environment().operatorNamespace();
        if (RESERVED.contains(ns) || ns.equals(operatorNs)) {
            r.report(t.object().namespace().isEmpty() ? "/metadata" : "/metadata/namespace",
                    "runs in namespace " + ns + (ns.equals(operatorNs) ? ", the operator's own" : ", a shared or system namespace"));
        }
    }
}
