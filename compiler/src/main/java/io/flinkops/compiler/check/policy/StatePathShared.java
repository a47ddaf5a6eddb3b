package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.EnvironmentView;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.HashMap;
import java.util.Map;

@Rule(
        id = "state-path-shared",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "No two jobs share a checkpoint, savepoint or HA path",
        rationale = "Two jobs writing the same path overwrite each other's checkpoints and HA metadata; the next "
                + "restore silently starts one job from the other's state.",
        remediation = "Give each job its own path, or let flinkops derive them from the job's name.")
public final class StatePathShared extends RuleCheck {
    @Override
    public void checkEnvironment(EnvironmentView view, Reporter r) {
        Map<String, EmittedObject> owners = new HashMap<>();
        for (EmittedObject o : view.objects()) {
            CheckTarget t = new CheckTarget(o, view);
            if (!FlinkResources.workload(t)) {
                continue;
            }
            StatePaths.of(t).forEach((key, path) -> {
                String normalized = withoutTrailingSlashes(path);
                EmittedObject first = owners.putIfAbsent(normalized, o);
                if (first != null && first != o) {
                    r.report(o, t.conf().pointer(key, "/spec/flinkConfiguration"), key + " " + path + " is also used by " + first.id());
                }
            });
        }
    }

    private static String withoutTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
