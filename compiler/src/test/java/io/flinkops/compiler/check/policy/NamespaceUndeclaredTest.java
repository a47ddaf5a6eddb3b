package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceUndeclaredTest {
    private static final String RULE = "namespace-undeclared";

    @TempDir
    Path dir;

    @Test
    void firesForUndeclaredAndUnwatchedNamespace() {
        PolicyCase.deployment().change("  namespace: jobs", "  namespace: other", "namespace-undeclared\n  # expect: namespace-undeclared").check(dir, RULE);
    }

    @Test
    void declaredNamespaceIsFine() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
