package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class TaskManagerReplicasInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-taskmanager-replicas-invalid");

    @Test
    void firesBelowOne() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: tm
                spec:
                  flinkVersion: v1_17
                  taskManager:
                    # expect: operator-taskmanager-replicas-invalid
                    replicas: 0
                """);
    }

    @Test
    void oneOrUnsetIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: tm
                spec:
                  flinkVersion: v1_17
                  taskManager:
                    replicas: 1
                """);
    }
}
