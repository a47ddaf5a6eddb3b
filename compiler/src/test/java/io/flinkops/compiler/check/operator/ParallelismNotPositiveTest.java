package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ParallelismNotPositiveTest {
    private final RuleTester tester = RuleTester.forRule("operator-parallelism-not-positive");

    @Test
    void firesOnZeroAndOnMissingParallelism() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: zero
                spec:
                  flinkVersion: v1_17
                  job:
                    jarURI: local:///job.jar
                    # expect: operator-parallelism-not-positive
                    parallelism: 0
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: missing
                spec:
                  flinkVersion: v1_17
                  # expect: operator-parallelism-not-positive
                  job:
                    jarURI: local:///job.jar
                """);
    }

    @Test
    void replicasMakeParallelismOptional() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: replicas
                spec:
                  flinkVersion: v1_17
                  taskManager:
                    replicas: 2
                  job:
                    jarURI: local:///job.jar
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: one
                spec:
                  flinkVersion: v1_17
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                ---
                # text where a number belongs is the schema check's finding, not "parallelism is 0"
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: text
                spec:
                  flinkVersion: v1_17
                  job:
                    jarURI: local:///job.jar
                    parallelism: two
                """);
    }
}
