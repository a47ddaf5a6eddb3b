package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkDefaultDenyMissingTest {
    private static final String RULE = "network-default-deny-missing";

    @TempDir
    Path dir;

    @Test
    void firesForAWorkloadOutsideDeclaredNamespaces() {
        PolicyCase.deployment().change("  namespace: jobs", "  namespace: other", RULE).check(dir, RULE);
    }

    @Test
    void declaredNamespacesHaveTheirDeny() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
