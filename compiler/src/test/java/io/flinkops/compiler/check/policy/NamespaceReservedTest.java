package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceReservedTest {
    private static final String RULE = "namespace-reserved";

    @TempDir
    Path dir;

    @Test
    void firesInDefault() {
        PolicyCase.deployment().change("  namespace: jobs", "  namespace: default", RULE).check(dir, RULE);
    }

    @Test
    void firesInTheOperatorNamespace() {
        PolicyCase.deployment().change("  namespace: jobs", "  namespace: flink-operator", RULE).check(dir, RULE);
    }

    @Test
    void dedicatedNamespaceIsFine() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
