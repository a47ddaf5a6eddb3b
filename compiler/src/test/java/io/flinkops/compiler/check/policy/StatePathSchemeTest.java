package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePathSchemeTest {
    private static final String RULE = "state-path-scheme";

    @TempDir
    Path dir;

    @Test
    void firesOnLocalPaths() {
        PolicyCase.deployment().change("    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints",
                "    state.checkpoints.dir: file:///flink-data/checkpoints", RULE)
                .change("    high-availability.storageDir: s3://acme-flink-state/dev/jobs/app/ha",
                "    high-availability.storageDir: /tmp/ha", RULE).check(dir, RULE);
    }

    @Test
    void s3aIsFine() {
        PolicyCase.deployment().change("    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints",
                "    state.checkpoints.dir: s3a://acme-flink-state/dev/jobs/app/checkpoints").check(dir, RULE);
    }
}
