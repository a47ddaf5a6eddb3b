package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointingDisabledTest {
    private static final String RULE = "checkpointing-disabled";

    @TempDir
    Path dir;

    @Test
    void firesForStatefulJobWithoutInterval() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s", "    pipeline.name: app")
                .change("    upgradeMode: savepoint", "    upgradeMode: savepoint", RULE).check(dir, RULE);
    }

    @Test
    void statelessJobNeedsNone() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s", "    pipeline.name: app")
                .change("    upgradeMode: savepoint", "    upgradeMode: stateless").check(dir, RULE);
    }
}
