package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.model.Environment;

@Rule(
        id = "state-path-location",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "State paths are on the environment's bucket, under the job's own prefix",
        rationale = "The environment's bucket carries its lifecycle rules, encryption and IAM grants; a job writing "
                + "elsewhere, or outside <prefix>/<namespace>/<job>/, can overwrite another job's state or lose its own.",
        remediation = "Remove the explicit path so flinkops derives it, or point it at s3://<bucket>/<prefix>/<namespace>/<job>/.")
public final class StatePathLocation extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        Environment env = t.environment();
        if (env == null || !FlinkResources.workload(t)) {
            return;
        }
        String expectedRoot = env.stateRoot(t.object().namespace(), t.object().name());
        String expectedPrefix = expectedRoot.substring(expectedRoot.indexOf("://") + 3);
        StatePaths.of(t).forEach((key, path) -> {
            if (StatePaths.scheme(path).isEmpty()) {
                return; // state-path-scheme reports it
            }
            String bucket = StatePaths.bucket(path);
            String at = t.conf().pointer(key, "/spec/flinkConfiguration");
            String location = path.substring(path.indexOf("://") + 3);
            if (!bucket.equals(env.bucket())) {
                r.report(at, key + " writes to bucket " + bucket + ", not the environment's bucket " + env.bucket());
            } else if (!(location + "/").startsWith(expectedPrefix + "/")) {
                r.report(at, key + " is outside the job's prefix " + expectedRoot + "/");
            }
        });
    }
}
