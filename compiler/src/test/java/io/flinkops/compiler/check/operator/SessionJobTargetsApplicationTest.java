package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SessionJobTargetsApplicationTest {
    private final RuleTester tester = RuleTester.forRule("operator-session-job-targets-application-cluster");

    @Test
    void firesWhenTheClusterHasAJob() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: app
                spec:
                  flinkVersion: v1_17
                  job: {jarURI: "local:///job.jar", parallelism: 1}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job
                spec:
                  # expect: operator-session-job-targets-application-cluster
                  deploymentName: app
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }

    @Test
    void sessionClusterIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: session
                spec:
                  flinkVersion: v1_17
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }
}
