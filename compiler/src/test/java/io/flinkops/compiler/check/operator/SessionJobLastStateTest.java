package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SessionJobLastStateTest {
    private final RuleTester tester = RuleTester.forRule("operator-session-job-last-state");

    private static final String JOB = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkSessionJob
            metadata:
              name: job
            spec:
              deploymentName: session
              job:
                jarURI: https://example.com/job.jar
                parallelism: 1
                %s
                upgradeMode: %s
            """;

    @Test
    void operator17RejectsLastState() {
        tester.raw("1.7.0", JOB.formatted("# expect: operator-session-job-last-state", "last-state"));
    }

    @Test
    void operator110AndSavepointAreFine() {
        tester.raw("1.10.0", JOB.formatted("# accepted on 1.10", "last-state"));
        tester.raw("1.7.0", JOB.formatted("# savepoint is fine", "savepoint"));
    }
}
