package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class StateSnapshotInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-state-snapshot-invalid");

    @Test
    void firesOnBothOrNoneOrMissingReference() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkStateSnapshot
                metadata:
                  name: both
                # expect: operator-state-snapshot-invalid
                spec:
                  savepoint: {}
                  checkpoint: {}
                  jobReference: {kind: FlinkDeployment, name: app}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkStateSnapshot
                metadata:
                  name: no-reference
                # expect: operator-state-snapshot-invalid
                spec:
                  checkpoint: {}
                """);
    }

    @Test
    void existingSavepointNeedsNoReference() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkStateSnapshot
                metadata:
                  name: imported
                spec:
                  savepoint:
                    alreadyExists: true
                    path: s3://bucket/savepoints/sp-1
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkStateSnapshot
                metadata:
                  name: trigger
                spec:
                  savepoint: {}
                  jobReference: {kind: FlinkDeployment, name: app}
                """);
    }
}
