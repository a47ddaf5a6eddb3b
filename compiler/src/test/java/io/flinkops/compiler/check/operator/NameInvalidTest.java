package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class NameInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-name-invalid");

    @Test
    void firesOnUpperCaseAndLongNamesAndBadDeploymentName() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  # expect: operator-name-invalid
                  name: 1-starts-with-a-digit
                spec:
                  flinkVersion: v1_17
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  # expect: operator-name-invalid
                  name: a-name-that-is-far-too-long-for-the-operator-to-accept
                spec:
                  flinkVersion: v1_17
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job
                spec:
                  # expect: operator-name-invalid
                  deploymentName: Session_Cluster
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }

    @Test
    void nearMissesDoNotFire() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: a23456789-123456789-123456789-123456789-12345
                spec:
                  flinkVersion: v1_17
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: Job_Name_Is_Not_Checked_Here
                spec:
                  deploymentName: session-cluster
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }
}
