package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionClusterMissingTest {
    private static final String RULE = "session-cluster-missing";

    @TempDir
    Path dir;

    private static final String JOB = PolicyCase.SESSION_JOB;

    @Test
    void firesWhenNoClusterHasThatName() {
        PolicyCase.deployment().with("job.yaml", JOB.formatted("# expect: " + RULE, "nowhere", "#", "https://example.com/job.jar")).check(dir, RULE);
    }

    @Test
    void aClusterInTheNamespaceIsFine() {
        PolicyCase.deployment().change("  job:", "  restartNonce: 1").change("    jarURI: local:///job.jar", "    # no job")
                .change("    parallelism: 2", "    # session cluster").change("    upgradeMode: savepoint", "    # now")
                .with("job.yaml", JOB.formatted("#", "app", "#", "https://example.com/job.jar")).check(dir, RULE);
    }
}
