package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class RollbackWithoutHaTest {
    private final RuleTester tester = RuleTester.forRule("operator-rollback-without-ha");

    @Test
    void firesWithoutHaOrOnBadBoolean() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: rollback
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    # expect: operator-rollback-without-ha
                    kubernetes.operator.deployment.rollback.enabled: "true"
                    high-availability.type: NONE
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: rollback-typo
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    # expect: operator-rollback-without-ha
                    kubernetes.operator.deployment.rollback.enabled: "yes"
                """);
    }

    @Test
    void withHaOrDisabledIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: rollback
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.deployment.rollback.enabled: "TRUE"
                    high-availability: kubernetes
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: no-rollback
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.deployment.rollback.enabled: "false"
                """);
    }
}
