package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePathLocationTest {
    private static final String RULE = "state-path-location";

    @TempDir
    Path dir;

    @Test
    void firesOnAnotherBucketOrPrefix() {
        PolicyCase.deployment().change("    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints",
                "    state.checkpoints.dir: s3://other-bucket/dev/jobs/app/checkpoints", RULE)
                .change("    state.savepoints.dir: s3://acme-flink-state/dev/jobs/app/savepoints",
                "    state.savepoints.dir: s3://acme-flink-state/dev/jobs/other/savepoints", RULE).check(dir, RULE);
    }

    @Test
    void subfoldersOfTheJobPrefixAreFine() {
        PolicyCase.deployment().change("    state.savepoints.dir: s3://acme-flink-state/dev/jobs/app/savepoints",
                "    state.savepoints.dir: s3://acme-flink-state/dev/jobs/app/savepoints/v2").check(dir, RULE);
    }
}
