package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IamRoleMissingTest {
    private static final String RULE = "iam-role-missing";

    @TempDir
    Path dir;

    @Test
    void firesForAnotherServiceAccount() {
        PolicyCase.deployment().change("  serviceAccount: flink", "  serviceAccount: default", RULE).check(dir, RULE);
    }

    @Test
    void theNamespaceAccountIsFine() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
