package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;
import java.util.Set;

@Rule(
        id = "state-path-scheme",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Checkpoint, savepoint and HA paths are on S3, not on a pod's disk",
        rationale = "file:// paths and paths without a scheme live on the pod's ephemeral disk (or a volume only one "
                + "pod sees): the state is gone when the pod is, and restores fail after every upgrade.",
        remediation = "Use s3://<bucket>/... (flinkops derives the paths when you do not set them).",
        parameters = {"schemes=s3,s3a,s3p: schemes that count as durable object storage"})
public final class StatePathScheme extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return invalidList(value, "schemes");
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        Set<String> allowed = Set.of(r.param("schemes").split("\\s*,\\s*"));
        StatePaths.of(t).forEach((key, path) -> {
            String scheme = StatePaths.scheme(path);
            if (!allowed.contains(scheme)) {
                r.report(t.conf().pointer(key, "/spec/flinkConfiguration"), key + " is " + path
                        + (scheme.isEmpty() ? ", a path on the pod's own disk" : ", not on " + String.join("/", allowed.stream().sorted().toList())));
            }
        });
    }
}
