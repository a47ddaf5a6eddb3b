package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutoscalerOptionInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-autoscaler-option-invalid");

    @Test
    void firesOnNegativeAndNonNumericWhenEnabled() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: autoscaler
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.job.autoscaler.enabled: "true"
                    # expect: operator-autoscaler-option-invalid
                    job.autoscaler.target.utilization: "-0.5"
                    # expect: operator-autoscaler-option-invalid
                    job.autoscaler.scale-up.max-factor: lots
                """);
    }

    @Test
    void disabledAutoscalerIsNotChecked() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: autoscaler
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    job.autoscaler.enabled: "false"
                    job.autoscaler.target.utilization: "-0.5"
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: autoscaler-ok
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    job.autoscaler.enabled: "true"
                    job.autoscaler.target.utilization: "0.7"
                """);
    }
}
