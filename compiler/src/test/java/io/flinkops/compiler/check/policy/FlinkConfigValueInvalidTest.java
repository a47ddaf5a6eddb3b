package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlinkConfigValueInvalidTest {
    private static final String RULE = "flink-config-value-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnABooleanFlinkCannotRead() {
        PolicyCase.deployment().change("    execution.checkpointing.interval: 60s", "    state.backend.incremental: \"yes\"", RULE)
                .check(dir, RULE);
    }

    @Test
    void valuesFlinkReadsAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                    state.backend.incremental: "TRUE"
                    execution.checkpointing.mode: exactly_once
                    execution.checkpointing.externalized-checkpoint-retention: RETAIN_ON_CANCELLATION
                    execution.checkpointing.timeout: 10 min
                    restart-strategy.fixed-delay.delay: "10000"
                    restart-strategy.fixed-delay.attempts: " 3 "
                    taskmanager.memory.managed.fraction: "0.4"
                    taskmanager.memory.jvm-metaspace.size: 512 mb
                    taskmanager.memory.network.max: 1G
                    kubernetes.rest-service.exposed.type: clusterip
                    rest.port: "8081"
                    pipeline.object-reuse: ${OBJECT_REUSE}
                    taskmanager.memory.process.size: 2 GiB
                    parallelism.default: all of them
                    some.unknown.option: anything
                """));
    }

    @Test
    void eachTypeIsReadAsFlinkReadsIt() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                    # expect: flink-config-value-invalid
                    state.backend.incremental: "yes"
                    # expect: flink-config-value-invalid
                    execution.checkpointing.mode: exactly-once
                    # expect: flink-config-value-invalid
                    execution.checkpointing.timeout: 10 minutes please
                    # expect: flink-config-value-invalid
                    restart-strategy.fixed-delay.attempts: "3.5"
                    # expect: flink-config-value-invalid
                    taskmanager.memory.managed.fraction: 40%
                    # expect: flink-config-value-invalid
                    taskmanager.memory.jvm-metaspace.size: 512 MiB
                    # expect: flink-config-value-invalid
                    kubernetes.operator.job.restart.failed: maybe
                    # expect: flink-config-value-invalid
                    taskmanager.numberOfTaskSlots: two
                    # expect: flink-config-value-invalid
                    execution.checkpointing.interval: every minute
                    kubernetes.operator.savepoint.format.type: native
                """));
        assertEquals("FlinkDeployment/jobs/app: kubernetes.operator.job.restart.failed 'maybe' is not true or false, as the operator"
                + " reads it: it fails to reconcile the resource", found.get(6).message());
        assertEquals("FlinkDeployment/jobs/app: taskmanager.memory.jvm-metaspace.size '512 MiB' is not a memory size (such as 2g,"
                + " 2048m or 2 gb), as Flink reads it: the cluster or the job fails to start", found.get(5).message());
        assertEquals("FlinkDeployment/jobs/app: execution.checkpointing.mode 'exactly-once' is not one of EXACTLY_ONCE,"
                + " AT_LEAST_ONCE, as Flink reads it: the cluster or the job fails to start", found.get(1).message());
    }

    /**
     * The ranges Flink checks when it sizes processes and pods: memory fractions below 1 (managed memory's unless a
     * managed size is set, as Flink then never reads it), limit factors of 1 or more.
     */
    @Test
    void fractionsAndLimitFactorsInFlinksRanges() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                    # expect: flink-config-value-invalid
                    taskmanager.memory.network.fraction: "1.0"
                    # expect: flink-config-value-invalid
                    kubernetes.taskmanager.cpu.limit-factor: "0.5"
                    kubernetes.jobmanager.memory.limit-factor: "1.0"
                    taskmanager.memory.jvm-overhead.fraction: "0"
                """));
        assertEquals("FlinkDeployment/jobs/app: taskmanager.memory.network.fraction '1.0' is not a fraction from 0 up to, not"
                + " including, 1 (such as 0.4), as Flink reads it: the cluster or the job fails to start", found.get(0).message());
        RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                    taskmanager.memory.managed.size: 512m
                    taskmanager.memory.managed.fraction: "1.5"
                """));
    }

    /** A session job's own configuration is its own; its cluster's is judged on the cluster. */
    @Test
    void aSessionJobIsJudgedOnItsOwnConfiguration() {
        RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: session, namespace: jobs}
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  serviceAccount: flink
                  flinkConfiguration:
                    # expect: flink-config-value-invalid
                    execution.runtime-mode: streaming-ish
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata: {name: job, namespace: jobs}
                spec:
                  deploymentName: session
                  flinkConfiguration:
                    # expect: flink-config-value-invalid
                    pipeline.object-reuse: sometimes
                  job: {jarURI: "https://example.com/job.jar", parallelism: 2}
                """);
    }

    private static String deployment(String configuration) {
        return Fixtures.rawDeployment("  flinkConfiguration:\n" + configuration + Fixtures.RESOURCES);
    }
}
