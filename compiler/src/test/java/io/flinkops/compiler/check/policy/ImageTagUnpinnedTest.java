package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTagUnpinnedTest {
    private static final String RULE = "image-tag-unpinned";

    @TempDir
    Path dir;

    @Test
    void firesOnLatest() {
        PolicyCase.deployment().change("  image: flink:1.17.2", "  image: flink:latest", RULE).check(dir, RULE);
    }

    @Test
    void firesOnMissingTag() {
        PolicyCase.deployment().change("  image: flink:1.17.2", "  image: registry-1.docker.io:443/library/flink", RULE).check(dir, RULE);
    }

    @Test
    void digestAndPortAreFine() {
        PolicyCase.deployment().change("  image: flink:1.17.2",
                "  image: flink@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef").check(dir, RULE);
    }
}
