package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageFlinkVersionMismatchTest {
    private static final String RULE = "image-flink-version-mismatch";

    @TempDir
    Path dir;

    @Test
    void firesWhenTagAndVersionDisagree() {
        PolicyCase.deployment().change("  flinkVersion: v1_17", "  flinkVersion: v1_18", RULE).check(dir, RULE);
    }

    @Test
    void customImagesAreNotJudged() {
        PolicyCase.deployment().change("  image: flink:1.17.2", "  image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/app:1.18.0").check(dir, RULE);
    }
}
