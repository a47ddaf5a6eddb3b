package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class SavepointDirMissingTest {
    private final RuleTester tester = RuleTester.forRule("operator-savepoint-dir-missing");

    @Test
    void firesForSavepointModeNoncePeriodicAndMaxAge() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: mode
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    state.checkpoints.dir: s3://bucket/cp
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    # expect: operator-savepoint-dir-missing
                    upgradeMode: savepoint
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: nonce
                spec:
                  flinkVersion: v1_17
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    # expect: operator-savepoint-dir-missing
                    savepointTriggerNonce: 7
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: periodic
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    # expect: operator-savepoint-dir-missing
                    kubernetes.operator.periodic.savepoint.interval: 6h
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                """);
    }

    @Test
    void setDirectoryOrSessionClusterIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: ok
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    state.checkpoints.dir: s3://bucket/cp
                    savepoints.state.backend.fs.dir: s3://bucket/sp
                    kubernetes.operator.periodic.savepoint.interval: 6h
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    upgradeMode: savepoint
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: session
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.periodic.savepoint.interval: 6h
                """);
    }
}
