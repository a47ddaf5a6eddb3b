package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesOutOfBoundsTest {
    private static final String RULE = "resources-out-of-bounds";

    @TempDir
    Path dir;

    @Test
    void firesOnTooLittleMemoryAndZeroCpu() {
        PolicyCase.deployment().change("    resource: {cpu: 1, memory: 1024m}", "    resource: {cpu: 1, memory: 512m}", RULE)
                .change("    resource: {cpu: 1, memory: 2048m}", "    resource: {cpu: 0, memory: 2048m}", RULE).check(dir, RULE);
    }

    @Test
    void firesAboveTheLimit() {
        PolicyCase.deployment().change("    resource: {cpu: 1, memory: 2048m}", "    resource: {cpu: 32, memory: 128g}", RULE + "\n    # expect: " + RULE).check(dir, RULE);
    }

    @Test
    void nearMissAtTheMinimum() {
        PolicyCase.deployment().change("    resource: {cpu: 1, memory: 1024m}", "    resource: {cpu: 0.5, memory: 768m}").check(dir, RULE);
    }
}
