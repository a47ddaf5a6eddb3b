package io.flinkops.compiler.check.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.RuleTester;
import java.util.List;
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

    /**
     * Without resource.memory the operator sizes the process with Flink's memory model and refuses the resource
     * when that fails (each case checked with operator 1.7.0's DefaultValidator): a JobManager of 100m cannot hold
     * the JVM's metaspace and overhead; a TaskManager's slots must be a whole number even with cpu cores set; a
     * task heap above the Flink memory does not add up. Each finding is at the option at fault, when there is one.
     */
    @Test
    void theConfigurationMustSizeTheProcessAsFlinkDoes() {
        List<Diagnostic> found = tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: small
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    jobmanager.memory.process.size: 100m
                    taskmanager.memory.process.size: 2g
                    taskmanager.cpu.cores: "2"
                    # expect: operator-memory-missing
                    taskmanager.numberOfTaskSlots: two
                  # expect: operator-memory-missing
                  jobManager:
                    resource: {cpu: 1}
                  taskManager:
                    resource: {cpu: 1}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: heap
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    taskmanager.memory.flink.size: 2g
                    taskmanager.memory.task.heap.size: 3g
                  jobManager:
                    resource: {cpu: 1, memory: 1g}
                  # expect: operator-memory-missing
                  taskManager:
                    resource: {cpu: 1}
                """);
        assertEquals(List.of(
                "FlinkDeployment/small: TaskManager memory is not defined (spec.taskManager.resource.memory), and Flink cannot size"
                        + " the TaskManager from flinkConfiguration: taskmanager.numberOfTaskSlots 'two' is not a whole number",
                "FlinkDeployment/small: JobManager memory is not defined (spec.jobManager.resource.memory), and Flink cannot size the"
                        + " JobManager from flinkConfiguration: JVM metaspace and overhead (448 MB) exceed jobmanager.memory.process.size"
                        + " (100 MB)",
                "FlinkDeployment/heap: TaskManager memory is not defined (spec.taskManager.resource.memory), and Flink cannot size"
                        + " the TaskManager from flinkConfiguration: the framework, task and managed memory sizes exceed the total Flink"
                        + " memory"),
                found.stream().map(Diagnostic::message).toList());
    }
}
