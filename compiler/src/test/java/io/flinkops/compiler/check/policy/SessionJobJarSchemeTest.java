package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionJobJarSchemeTest {
    private static final String RULE = "session-job-jar-scheme";

    @TempDir
    Path dir;

    private static final String JOB = PolicyCase.SESSION_JOB;

    @Test
    void firesOnLocalJars() {
        PolicyCase.deployment().with("job.yaml", JOB.formatted("#", "app", "# expect: " + RULE, "local:///opt/flink/job.jar")).check(dir, RULE);
    }

    @Test
    void httpsIsFine() {
        PolicyCase.deployment().with("job.yaml", JOB.formatted("#", "app", "#", "s3://acme-artifacts/job.jar")).check(dir, RULE);
    }
}
