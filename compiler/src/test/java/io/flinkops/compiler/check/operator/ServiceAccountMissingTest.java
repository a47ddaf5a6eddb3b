package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ServiceAccountMissingTest {
    private final RuleTester tester = RuleTester.forRule("operator-service-account-missing");

    @Test
    void firesWhenUnset() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: sa
                # expect: operator-service-account-missing
                spec:
                  flinkVersion: v1_17
                """);
    }

    @Test
    void setIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: sa
                spec:
                  flinkVersion: v1_17
                  serviceAccount: flink
                """);
    }

    @Test
    void emrOnEksMakesOneForItsExecutionRole() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: sa
                spec:
                  flinkVersion: v1_17
                  emrReleaseLabel: emr-6.15.0-flink-latest
                  executionRoleArn: arn:aws:iam::123456789012:role/flink-job
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: sa2
                # expect: operator-service-account-missing
                spec:
                  flinkVersion: v1_17
                  emrReleaseLabel: emr-6.15.0-flink-latest
                """);
    }
}
