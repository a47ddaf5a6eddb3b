package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.schema.BoundedPatterns;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

@Rule(
        id = "state-bucket-non-production",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Production jobs never write state to a non-production bucket",
        rationale = "Non-production buckets have short lifecycle rules and wide access; production state kept there "
                + "expires or leaks, and a restore in an incident finds nothing.",
        remediation = "Point production state at the production bucket named in environment.yaml.",
        parameters = {"nonProductionPattern=(^|[-.])(dev|test|qa|sandbox|staging|stg)([-.]|$): bucket names that are not production"})
public final class StateBucketNonProduction extends RuleCheck {
    /** Compiled once per policy value rather than once per object. */
    private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();

    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return BoundedPatterns.whyNot(value);
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.view().production() || !FlinkResources.workload(t)) {
            return;
        }
        Pattern nonProd = patterns.computeIfAbsent(r.param("nonProductionPattern"), BoundedPatterns::compile);
        StatePaths.of(t).forEach((key, path) -> {
            String bucket = StatePaths.bucket(path);
            if (!bucket.isEmpty() && BoundedPatterns.find(nonProd, bucket)) {
                r.report(t.conf().pointer(key, "/spec/flinkConfiguration"), "production job writes " + key + " to non-production bucket " + bucket);
            }
        });
    }
}
