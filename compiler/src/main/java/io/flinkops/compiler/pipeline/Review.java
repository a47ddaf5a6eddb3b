package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Diagnostic;
import java.util.List;

/**
 * What a pull request changes: objects per environment, findings new on the head (the rest existed
 * on the base), and what an edit to policies/ would relax if it were applied.
 *
 * @param policyFilesChanged policy files that differ between base and head
 * @param relaxed findings the head's own policies would hide (they were judged by the base's)
 * @param basePoliciesUnloadable why the base's policies could not be read; non-empty when both sides
 *     were judged by the head's policies instead
 */
public record Review(
        String base,
        String head,
        List<ObjectChange> changes,
        List<Diagnostic> baseDiagnostics,
        List<String> policyFilesChanged,
        List<Diagnostic> relaxed,
        List<Diagnostic> basePoliciesUnloadable) {

    public boolean judgedByHeadPolicies() {
        return !basePoliciesUnloadable.isEmpty();
    }
}
