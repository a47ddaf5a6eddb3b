package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3BucketNameInvalidTest {
    private static final String RULE = "s3-bucket-name-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnUpperCaseAndUnderscores() {
        PolicyCase.deployment().change("    state.savepoints.dir: s3://acme-flink-state/dev/jobs/app/savepoints",
                "    state.savepoints.dir: s3://Acme_Flink/dev/jobs/app/savepoints", RULE).check(dir, RULE);
    }

    @Test
    void validAndPlaceholderBucketsAreFine() {
        PolicyCase.deployment().change("    state.savepoints.dir: s3://acme-flink-state/dev/jobs/app/savepoints",
                "    state.savepoints.dir: s3://${STATE_BUCKET}/dev/jobs/app/savepoints").check(dir, RULE);
    }
}
