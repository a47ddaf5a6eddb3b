package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class NumberOutOfRangeTest {
    private final RuleTester tester = RuleTester.forRule("operator-number-out-of-range");

    @Test
    void firesOnNumbersBeyondTheOperatorsIntAndLong() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: huge
                spec:
                  flinkVersion: v1_17
                  # expect: operator-number-out-of-range
                  restartNonce: 99999999999999999999
                  taskManager:
                    # expect: operator-number-out-of-range
                    replicas: 2147483648
                  job:
                    jarURI: local:///job.jar
                    # expect: operator-number-out-of-range
                    parallelism: 3000000000
                    savepointTriggerNonce: 9223372036854775807
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: huge-session-job
                spec:
                  deploymentName: session
                  job:
                    jarURI: local:///job.jar
                    # expect: operator-number-out-of-range
                    parallelism: -2147483649
                """);
    }

    @Test
    void quietOnTheLargestNumbersThatFit() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: fits
                spec:
                  flinkVersion: v1_17
                  restartNonce: -9223372036854775808
                  jobManager:
                    replicas: 1
                  taskManager:
                    replicas: 2147483647
                  job:
                    jarURI: local:///job.jar
                    parallelism: 2147483647
                    checkpointTriggerNonce: 9223372036854775807
                """);
    }
}
