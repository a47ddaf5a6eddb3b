package io.flinkops.compiler.report;

import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.policy.PolicyException;
import io.flinkops.compiler.pipeline.Review;
import java.util.List;

/**
 * What the report writers render: findings (each marked new or existing in pull-request mode), the
 * objects that were checked, the rules that can fire, the exceptions the run used and, for a pull
 * request, the review of what it changes.
 */
public record RunReport(
        String tool,
        String version,
        List<Diagnostic> diagnostics,
        List<EmittedObject> objects,
        List<RuleInfo> rules,
        List<PolicyException> exceptionsUsed,
        Review review) {

    public boolean pullRequest() {
        return review != null;
    }

    public List<Diagnostic> newFindings() {
        return diagnostics.stream().filter(d -> !existing(d)).toList();
    }

    public List<Diagnostic> existingFindings() {
        return diagnostics.stream().filter(this::existing).toList();
    }

    /** True when the finding was already present on the base revision. */
    public boolean existing(Diagnostic d) {
        return review != null && review.baseDiagnostics().stream().anyMatch(b -> b.sameFindingAs(d));
    }
}
