package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class JobManagerReplicasInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-jobmanager-replicas-invalid");

    @Test
    void firesOnZeroAndOnStandbyWithoutHa() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: zero
                spec:
                  flinkVersion: v1_17
                  jobManager:
                    # expect: operator-jobmanager-replicas-invalid
                    replicas: 0
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: standby
                spec:
                  flinkVersion: v1_17
                  jobManager:
                    # expect: operator-jobmanager-replicas-invalid
                    replicas: 2
                """);
    }

    @Test
    void standbyWithHaIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: standby
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    high-availability.type: kubernetes
                  jobManager:
                    replicas: 2
                """);
    }
}
