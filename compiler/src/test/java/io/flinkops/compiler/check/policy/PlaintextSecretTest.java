package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaintextSecretTest {
    private static final String RULE = "plaintext-secret";

    @TempDir
    Path dir;

    @Test
    void firesOnKeysAndSecretsInArguments() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s",
                "    execution.checkpointing.interval: 60s\n    # expect: plaintext-secret\n    s3.secret-key: hunter2")
                .change("    jarURI: local:///job.jar", "    jarURI: local:///job.jar\n    args:\n      - --db-url\n      # expect: plaintext-secret\n      - password=hunter2")
                .check(dir, RULE);
    }

    @Test
    void firesOnAccessKeyIds() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s",
                "    execution.checkpointing.interval: 60s\n    # expect: plaintext-secret\n    fs.s3a.access.key: AKIAABCDEFGHIJKLMNOP").check(dir, RULE);
    }

    @Test
    void providersAndPlaceholdersAreFine() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s",
                "    execution.checkpointing.interval: 60s\n    fs.s3a.aws.credentials.provider: com.amazonaws.auth.WebIdentityTokenCredentialsProvider\n    s3.secret-key: ${S3_SECRET}")
                .check(dir, RULE);
    }
}
