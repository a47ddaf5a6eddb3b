package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class MemoryMissingTest {
    private final RuleTester tester = RuleTester.forRule("operator-memory-missing");

    @Test
    void firesForEachComponentWithoutMemory() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: no-memory
                spec:
                  flinkVersion: v1_17
                  # expect: operator-memory-missing
                  jobManager:
                    resource:
                      cpu: 1
                  # expect: operator-memory-missing
                  taskManager:
                    resource:
                      cpu: 1
                      memory: "  "
                """);
    }

    @Test
    void configurationMemoryCounts() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: conf-memory
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    jobmanager.memory.process.size: 1600m
                    taskmanager.memory.task.heap.size: 512m
                    taskmanager.memory.managed.size: 512m
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: spec-memory
                spec:
                  flinkVersion: v1_17
                  jobManager:
                    resource: {memory: 2Gi, cpu: 1}
                  taskManager:
                    resource: {memory: 2048m, cpu: 1}
                """);
    }
}
