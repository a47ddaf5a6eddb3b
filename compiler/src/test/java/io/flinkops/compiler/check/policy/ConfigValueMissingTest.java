package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ConfigValueMissingTest {
    private final RuleTester tester = RuleTester.forRule("config-value-missing");

    @Test
    void firesOnKeyWithoutValue() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: nulls
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    # expect: config-value-missing
                    state.checkpoints.dir:
                    taskmanager.numberOfTaskSlots: "2"
                """);
    }

    @Test
    void emptyStringIsAValue() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: empty
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    metrics.reporters: ""
                """);
    }

    /** The API server drops the null, so the operator checks judge the resource without the key. */
    @Test
    void theOperatorChecksSeeTheKeyAsAbsent() {
        RuleTester.forRule("operator-checkpoint-dir-missing").raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: nulls
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    state.checkpoints.dir:
                    state.savepoints.dir: s3://b/sp
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    # expect: operator-checkpoint-dir-missing
                    upgradeMode: savepoint
                """);
    }
}
