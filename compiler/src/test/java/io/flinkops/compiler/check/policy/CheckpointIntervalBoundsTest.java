package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointIntervalBoundsTest {
    private static final String RULE = "checkpoint-interval-bounds";

    @TempDir
    Path dir;

    @Test
    void firesWhenTooShortOrTooLong() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s", "    execution.checkpointing.interval: 1s", RULE).check(dir, RULE);
    }

    @Test
    void firesOnTooLong() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s", "    execution.checkpointing.interval: 2h", RULE).check(dir, RULE);
    }

    @Test
    void nearMissAtTheBound() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s", "    execution.checkpointing.interval: 30 min").check(dir, RULE);
    }
}
