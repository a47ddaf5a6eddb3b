package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParallelismUnreachableTest {
    private static final String RULE = "parallelism-unreachable";

    @TempDir
    Path dir;

    @Test
    void firesWhenReplicasTimesSlotsIsTooSmall() {
        PolicyCase.deployment().change("  taskManager:", "  taskManager:\n    replicas: 1")
                .change("    parallelism: 2", "    parallelism: 3", RULE).check(dir, RULE);
    }

    @Test
    void exactFitIsFine() {
        PolicyCase.deployment().change("  taskManager:", "  taskManager:\n    replicas: 1").check(dir, RULE);
    }
}
