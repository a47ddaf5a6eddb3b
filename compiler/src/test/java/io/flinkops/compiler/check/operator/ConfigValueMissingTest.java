package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ConfigValueMissingTest {
    private final RuleTester tester = RuleTester.forRule("operator-config-value-missing");

    @Test
    void firesOnKeyWithoutValue() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: nulls
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    # expect: operator-config-value-missing
                    state.checkpoints.dir:
                    taskmanager.numberOfTaskSlots: "2"
                """);
    }

    @Test
    void emptyStringIsAValue() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: empty
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    metrics.reporters: ""
                """);
    }
}
