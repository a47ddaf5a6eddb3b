package io.flinkops.compiler.check.schema;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetadataInvalidTest {
    private final RuleTester tester = RuleTester.forRule("k8s-metadata-invalid");

    @Test
    void firesOnBadNamesNamespacesAndLabels() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  # expect: k8s-metadata-invalid
                  name: My_Job
                  # expect: k8s-metadata-invalid
                  namespace: Team.A
                  labels:
                    # expect: k8s-metadata-invalid
                    "bad key!": x
                    # expect: k8s-metadata-invalid
                    ok-key: "-starts-with-dash"
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                # expect: k8s-metadata-invalid
                metadata:
                  namespace: jobs
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }

    @Test
    void anObjectExportedWithItsResourceVersionCannotBeCreated() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: exported
                  namespace: jobs
                  uid: 0b7e7a3c-1111-2222-3333-444455556666
                  creationTimestamp: "2024-01-01T00:00:00Z"
                  generation: 3
                  # expect: k8s-metadata-invalid
                  resourceVersion: "12345"
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: zero
                  namespace: jobs
                  resourceVersion: "0"
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }

    @Test
    void finalizersOwnerReferencesAndPrefixesAreCheckedAsTheApiServerChecksThem() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: owned
                  namespace: jobs
                  # expect: k8s-metadata-invalid
                  generateName: Job_
                  finalizers:
                    - example.com/cleanup
                    # expect: k8s-metadata-invalid
                    - clean up
                  ownerReferences:
                    # expect: k8s-metadata-invalid
                    - apiVersion: flink.apache.org/v1beta1
                      kind: FlinkDeployment
                      name: session
                    - apiVersion: v1
                      kind: ConfigMap
                      name: a
                      uid: 0b7e7a3c-1111-2222-3333-444455556666
                      controller: true
                    # expect: k8s-metadata-invalid
                    - apiVersion: apps/
                      kind: Deployment
                      name: b
                      uid: 0b7e7a3c-1111-2222-3333-444455556667
                      # expect: k8s-metadata-invalid
                      controller: true
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: deleting
                  namespace: jobs
                  # expect: k8s-metadata-invalid
                  finalizers: [orphan, foregroundDeletion]
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }

    @Test
    void aPlaceholderLeftInAValueIsNamed() {
        List<Diagnostic> found = tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  # expect: k8s-metadata-invalid
                  name: ${JOB_NAME}
                  namespace: jobs
                  labels:
                    # expect: k8s-metadata-invalid
                    app: "{{ .Values.app }}"
                    # expect: k8s-metadata-invalid
                    team: Data Platform
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
        assertTrue(found.get(0).message().endsWith(" (${JOB_NAME} is an unrendered template placeholder)"), found.get(0).message());
        assertTrue(found.get(1).message().endsWith(" ({{ .Values.app }} is an unrendered template placeholder)"), found.get(1).message());
        assertFalse(found.get(2).message().contains("placeholder"), found.get(2).message());
    }

    @Test
    void validMetadataIsFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job.v2
                  namespace: team-a
                  labels:
                    app.kubernetes.io/name: job
                    empty: ""
                  generateName: job-
                  finalizers: [example.com/cleanup, foregroundDeletion]
                  ownerReferences:
                    - {apiVersion: v1, kind: ConfigMap, name: a, uid: 0b7e7a3c-1111-2222-3333-444455556666, controller: true}
                  annotations:
                    example.com/note: "anything: goes here"
                    # the API server reads annotation keys in lower case
                    Example.COM/Note: upper case
                  # the server sets these on create, whatever the manifest says
                  generation: -1
                  managedFields: [{operation: Copy, fieldsType: FieldsV2}]
                spec:
                  deploymentName: session
                  job: {jarURI: "https://example.com/job.jar", parallelism: 1}
                """);
    }
}
