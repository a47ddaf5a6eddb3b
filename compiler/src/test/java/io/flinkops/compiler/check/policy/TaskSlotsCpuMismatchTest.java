package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TaskSlotsCpuMismatchTest {
    private static final String RULE = "task-slots-cpu-mismatch";

    @TempDir
    Path dir;

    @Test
    void firesOnManySlotsPerCore() {
        PolicyCase.deployment().change("    taskmanager.numberOfTaskSlots: \"2\"", "    taskmanager.numberOfTaskSlots: \"8\"", RULE).check(dir, RULE);
    }

    @Test
    void twoPerCoreIsFine() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
