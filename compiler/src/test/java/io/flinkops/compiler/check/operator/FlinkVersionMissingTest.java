package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class FlinkVersionMissingTest {
    private final RuleTester tester = RuleTester.forRule("operator-flink-version-missing");

    @Test
    void firesWhenAbsentOrNull() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: no-version
                # expect: operator-flink-version-missing
                spec:
                  image: flink:1.17
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: null-version
                spec:
                  image: flink:1.17
                  # expect: operator-flink-version-missing
                  flinkVersion:
                """);
    }

    @Test
    void presentDoesNotFire() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: has-version
                spec:
                  flinkVersion: v1_18
                """);
    }
}
