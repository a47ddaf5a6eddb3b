package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class EphemeralStorageInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-ephemeral-storage-invalid");

    @Test
    void firesOnNonQuantities() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: storage
                spec:
                  flinkVersion: v1_17
                  taskManager:
                    resource:
                      memory: 2048m
                      # expect: operator-ephemeral-storage-invalid
                      ephemeralStorage: 10 GB
                """);
    }

    @Test
    void quantitiesAreFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: storage
                spec:
                  flinkVersion: v1_17
                  jobManager:
                    resource: {memory: 2048m, ephemeralStorage: 500M}
                  taskManager:
                    resource: {memory: 2048m, ephemeralStorage: 10Gi}
                """);
    }
}
