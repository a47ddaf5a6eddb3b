package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageRegistryNotAllowedTest {
    private static final String RULE = "image-registry-not-allowed";

    @TempDir
    Path dir;

    @Test
    void firesForUnknownRegistry() {
        PolicyCase.deployment().change("  image: flink:1.17.2", "  image: registry.example.com/flink:1.17.2", RULE).check(dir, RULE);
    }

    @Test
    void ecrIsAllowed() {
        PolicyCase.deployment().change("  image: flink:1.17.2", "  image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/flink:1.17.2").check(dir, RULE);
    }
}
