package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateBucketNonProductionTest {
    private static final String RULE = "state-bucket-non-production";

    @TempDir
    Path dir;

    @Test
    void firesInProductionOnADevBucket() {
        PolicyCase.deployment().production().change("    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints",
                "    state.checkpoints.dir: s3://acme-flink-dev/dev/jobs/app/checkpoints", RULE).check(dir, RULE);
    }

    @Test
    void outsideProductionItIsFine() {
        PolicyCase.deployment().change("    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints",
                "    state.checkpoints.dir: s3://acme-flink-dev/dev/jobs/app/checkpoints").check(dir, RULE);
    }
}
