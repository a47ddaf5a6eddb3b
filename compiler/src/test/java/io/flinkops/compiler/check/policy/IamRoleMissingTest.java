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

    @Test
    void emrOnEksRunsAsItsExecutionRole() {
        PolicyCase.deployment().change("  serviceAccount: flink", "  serviceAccount: default\n  emrReleaseLabel: emr-6.15.0-flink-latest\n"
                + "  executionRoleArn: arn:aws:iam::123456789012:role/flink-job").check(dir, RULE);
        PolicyCase.deployment().change("  serviceAccount: flink", "  serviceAccount: default\n  emrReleaseLabel: emr-6.15.0-flink-latest", RULE)
                .check(dir, RULE);
    }
}
