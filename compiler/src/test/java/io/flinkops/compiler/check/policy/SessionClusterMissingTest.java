package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionClusterMissingTest {
    private static final String RULE = "session-cluster-missing";

    @TempDir
    Path dir;

    private static final String JOB = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job
                  namespace: jobs
                  labels: {flinkops.io/team: data}
                spec:
                  %s
                  deploymentName: %s
                  job:
                    %s
                    jarURI: %s
                    parallelism: 1
                """;

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
