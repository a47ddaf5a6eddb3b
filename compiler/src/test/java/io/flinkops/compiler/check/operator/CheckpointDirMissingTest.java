package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class CheckpointDirMissingTest {
    private final RuleTester tester = RuleTester.forRule("operator-checkpoint-dir-missing");

    @Test
    void firesForStatefulModesWithoutDirectory() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: no-dir
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    state.savepoints.dir: s3://bucket/sp
                    # the newer key is unknown to the Flink inside operator 1.7
                    execution.checkpointing.dir: s3://bucket/cp
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    # expect: operator-checkpoint-dir-missing
                    upgradeMode: savepoint
                """);
    }

    @Test
    void newerKeyCountsOn110AndStatelessNeedsNone() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: new-key
                spec:
                  flinkVersion: v1_19
                  flinkConfiguration:
                    state.savepoints.dir: s3://bucket/sp
                    execution.checkpointing.dir: s3://bucket/cp
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    upgradeMode: savepoint
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: stateless
                spec:
                  flinkVersion: v1_17
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                """);
    }
}
