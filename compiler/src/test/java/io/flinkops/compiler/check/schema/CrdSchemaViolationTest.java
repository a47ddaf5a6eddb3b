package io.flinkops.compiler.check.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class CrdSchemaViolationTest {
    private final RuleTester tester = RuleTester.forRule("crd-schema");

    @Test
    void unknownFieldsWrongTypesAndEnumsFireOnTheirOwnLine() {
        List<Diagnostic> found = tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: bad
                spec:
                  # expect: crd-schema
                  flinkVersion: v1_12
                  # expect: crd-schema
                  executionRoleArn: arn:aws:iam::111122223333:role/emr
                  flinkConfiguration:
                    # expect: crd-schema
                    taskmanager.numberOfTaskSlots: 2
                  job:
                    jarURI: local:///job.jar
                    # expect: crd-schema
                    parallelism: "${PARALLELISM}"
                    # expect: crd-schema
                    upgradeMode: LAST_STATE
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          # expect: crd-schema
                          imagePullPolicy: [Always]
                  # expect: crd-schema
                  1: a number as a key
                """);
        Diagnostic unknown = found.stream().filter(d -> d.message().contains("executionRoleArn")).findFirst().orElseThrow();
        assertEquals(3, unknown.location().column());
        assertEquals("/spec/executionRoleArn", unknown.pointer());
        // a key that is a number is named as a key, an index as an index
        assertTrue(found.stream().anyMatch(d -> d.message().endsWith("unknown field 'spec.1'")), RuleTester.describe(found));
        assertTrue(found.stream().anyMatch(d -> d.message().contains("spec.podTemplate.spec.containers[0].imagePullPolicy")),
                RuleTester.describe(found));
    }

    @Test
    void intOrStringQuantitiesPreservedFieldsAndNullsAreFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: good
                  labels: {team: data}
                spec:
                  flinkVersion: v1_20
                  image:
                  flinkConfiguration:
                    taskmanager.numberOfTaskSlots: "2"
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          resources:
                            limits: {cpu: 2, memory: 4Gi}
                          ports:
                            - containerPort: 9249
                  job:
                    jarURI: local:///job.jar
                    parallelism: 2.0
                """);
    }

    @Test
    void aStatusIsCheckedForUnknownFieldsOnly() {
        // exported with kubectl get -o yaml: the API server drops the status before it validates the rest
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: exported}
                spec: {flinkVersion: v1_17}
                status:
                  lifecycleState: 7
                  jobStatus: {state: NOT_A_STATE}
                  reconciliationStatus: [not, an, object]
                  # expect: crd-schema
                  notAStatusField: 1
                """);
    }

    @Test
    void stateSnapshotsExistOnlyFrom110() {
        String snapshot = """
                apiVersion: flink.apache.org/v1beta1
                %s
                kind: FlinkStateSnapshot
                metadata:
                  name: sp
                spec:
                  savepoint: {}
                  jobReference: {kind: FlinkDeployment, name: app}
                """;
        List<Diagnostic> found = tester.raw("1.7.0", snapshot.formatted("# expect: crd-schema"));
        assertTrue(found.get(0).message().endsWith("operator 1.7.0 defines no FlinkStateSnapshot flink.apache.org/v1beta1;"
                + " operator 1.10.0 does"), found.get(0).message());
        tester.raw("1.10.0", snapshot.formatted("# defined in 1.10"));
    }

    @Test
    void messagesNameTheField() {
        List<Diagnostic> found = tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job
                spec:
                  deploymentName: session
                  job:
                    # expect: crd-schema
                    jarUri: https://example.com/job.jar
                """);
        assertTrue(found.get(0).message().endsWith("unknown field 'spec.job.jarUri' (did you mean 'jarURI'?)"), found.get(0).message());
    }

    @Test
    void aValueOfTheWrongTypeSaysHowToWriteIt() {
        List<Diagnostic> found = tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: flink}
                spec:
                  # expect: crd-schema
                  image: {repository: flink}
                  flinkVersion: v1_17
                  serviceAccount: flink
                  flinkConfiguration:
                    # expect: crd-schema
                    taskmanager.numberOfTaskSlots: 2
                    # expect: crd-schema
                    state.backend:
                      type: rocksdb
                    # expect: crd-schema
                    pipeline.version: 1.10
                    # expect: crd-schema
                    kubernetes.operator.job.autoscaler.enabled: yes
                    # expect: crd-schema
                    restart-strategy.fixed-delay.attempts: 010
                  jobManager:
                    # expect: crd-schema
                    resource: {memory: 2048, cpu: "500m"}
                  taskManager: {resource: {memory: 2048m, cpu: 1}}
                  job:
                    jarURI: local:///job.jar
                    # expect: crd-schema
                    parallelism: "2"
                    # expect: crd-schema
                    args: --input s3://in
                """);
        assertEquals(List.of(
                "spec.image: object found, string expected",
                "spec.flinkConfiguration.taskmanager.numberOfTaskSlots: integer found, string expected (write it quoted: \"2\")",
                "spec.flinkConfiguration.state.backend: object found, string expected (write each key whole, such as state.backend.type)",
                // YAML 1.1, as kubectl reads it: what was written, and what it reads as
                "spec.flinkConfiguration.pipeline.version: number found, string expected (write it quoted: \"1.10\", unquoted it reads as 1.1)",
                "spec.flinkConfiguration.kubernetes.operator.job.autoscaler.enabled: boolean found, string expected"
                        + " (write it quoted: \"yes\", unquoted it reads as true)",
                "spec.flinkConfiguration.restart-strategy.fixed-delay.attempts: integer found, string expected"
                        + " (write it quoted: \"010\", unquoted it reads as 8)",
                "spec.jobManager.resource.memory: integer found, string expected (write it quoted, with its unit: \"2048m\" is 2048 MiB)",
                "spec.jobManager.resource.cpu: string found, number expected (in cores: 0.5)",
                "spec.job.parallelism: string found, integer expected (write it unquoted: 2)",
                "spec.job.args: string found, array expected (write it as a list, one item per line starting with '- ')"),
                found.stream().map(d -> d.message().substring("FlinkDeployment/flink/app: ".length())).toList());
    }

    @Test
    void aFieldOfAnotherBuiltInOperatorVersionSaysSo() {
        String deployment = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: flink}
                spec:
                  image: flink:1.17
                  flinkVersion: v1_17
                  serviceAccount: flink
                  jobManager: {resource: {memory: 2048m, cpu: 1}}
                  taskManager: {resource: {memory: 2048m, cpu: 1}}
                  job:
                    jarURI: local:///job.jar
                    parallelism: 2
                    upgradeMode: stateless
                    %s
                    savepointRedeployNonce: 1
                """;
        List<Diagnostic> found = tester.raw("1.7.0", deployment.formatted("# expect: crd-schema"));
        assertEquals("FlinkDeployment/flink/app: unknown field 'spec.job.savepointRedeployNonce' (operator 1.10.0 has it; this object is"
                + " judged as operator 1.7.0's)", found.get(0).message());
        tester.raw("1.10.0", deployment.formatted("# a 1.10 field"));
    }

    @Test
    void anUnknownFieldNamesTheFieldItLikelyMeantOrTheFlavourItBelongsTo() {
        List<Diagnostic> found = tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: flink}
                spec:
                  image: flink:1.17
                  flinkVersion: v1_17
                  serviceAccount: flink
                  # expect: crd-schema
                  executionRoleArn: arn:aws:iam::123456789012:role/flink
                  # expect: crd-schema
                  flinkConfig: {a: b}
                  jobManager: {resource: {memory: 2048m, cpu: 1}}
                  taskManager:
                    resource: {memory: 2048m, cpu: 1}
                    # expect: crd-schema
                    replica: 2
                    # expect: crd-schema
                    surprise: 1
                  job:
                    jarURI: local:///job.jar
                    parallelism: 2
                    # expect: crd-schema
                    upgradeMode: last_state
                """);
        List<String> messages = found.stream().map(Diagnostic::message).toList();
        assertEquals(List.of(
                "FlinkDeployment/flink/app: unknown field 'spec.executionRoleArn', a field of Amazon EMR on EKS's FlinkDeployment: to"
                        + " judge that flavour, name EMR's CRD with --crd or spec.operator.crdFiles",
                "FlinkDeployment/flink/app: unknown field 'spec.flinkConfig' (did you mean 'flinkConfiguration'?)",
                "FlinkDeployment/flink/app: unknown field 'spec.taskManager.replica' (did you mean 'replicas'?)",
                "FlinkDeployment/flink/app: unknown field 'spec.taskManager.surprise'",
                "FlinkDeployment/flink/app: spec.job.upgradeMode: does not have a value in the enumeration [\"savepoint\", \"last-state\","
                        + " \"stateless\"] (did you mean 'last-state'?)"), messages);
    }
}
