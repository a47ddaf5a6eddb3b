package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SessionJobMissingJobTest {
    private final RuleTester tester = RuleTester.forRule("operator-session-job-missing-job");

    @Test
    void firesWithoutJob() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: empty
                # expect: operator-session-job-missing-job
                spec:
                  deploymentName: session
                """);
    }

    @Test
    void withJobIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: full
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }
}
