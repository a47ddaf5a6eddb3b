package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class HealthCheckWithoutRecoveryTest {
    private final RuleTester tester = RuleTester.forRule("operator-health-check-without-recovery");

    @Test
    void firesWhenRecoveryIsOff() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: health
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.cluster.health-check.enabled: "true"
                    # expect: operator-health-check-without-recovery
                    kubernetes.operator.reconciler.jm-deployment-recovery.enabled: "false"
                """);
    }

    @Test
    void recoveryDefaultsToOn() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: health
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.cluster.health-check.enabled: "true"
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: health-off
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.cluster.health-check.enabled: "false"
                    kubernetes.operator.jm-deployment-recovery.enabled: "false"
                """);
    }
}
