package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionJobJarSchemeTest {
    private static final String RULE = "session-job-jar-scheme";

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
    void firesOnLocalJars() {
        PolicyCase.deployment().with("job.yaml", JOB.formatted("#", "app", "# expect: " + RULE, "local:///opt/flink/job.jar")).check(dir, RULE);
    }

    @Test
    void httpsIsFine() {
        PolicyCase.deployment().with("job.yaml", JOB.formatted("#", "app", "#", "s3://acme-artifacts/job.jar")).check(dir, RULE);
    }
}
