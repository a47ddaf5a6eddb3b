package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesMissingTest {
    private static final String RULE = "resources-missing";

    @TempDir
    Path dir;

    @Test
    void firesWithoutCpu() {
        PolicyCase.deployment().change("    resource: {cpu: 1, memory: 2048m}", "    resource: {memory: 2048m}", RULE).check(dir, RULE);
    }

    @Test
    void bothSetIsFine() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
