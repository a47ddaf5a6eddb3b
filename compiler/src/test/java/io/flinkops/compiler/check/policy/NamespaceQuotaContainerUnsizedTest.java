package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceQuotaContainerUnsizedTest {
    private static final String RULE = "namespace-quota-container-unsized";

    @TempDir
    Path dir;

    /** A FlinkDeployment in namespace jobs with a sized sidecar, and room for a sidecar and a TaskManager init container. */
    private static String cluster(String sidecar, String initContainer) {
        return CLUSTER.formatted(sidecar.stripIndent().indent(8).stripTrailing(), initContainer.stripIndent().indent(10).stripTrailing());
    }

    private static final String CLUSTER = """
            ---
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: app, namespace: jobs}
            spec:
              flinkVersion: v1_17
              serviceAccount: flink
              jobManager: {resource: {memory: 1g, cpu: 0.5}}
              job: {jarURI: "local:///job.jar", parallelism: 2}
              podTemplate:
                spec:
                  containers:
                    - name: flink-main-container
                      env: [{name: A, value: b}]
            %s
                    - name: sized
                      image: sized:1
                      resources: {limits: {cpu: 100m, memory: 64Mi}}
              taskManager:
                resource: {memory: 2g, cpu: 1}
                podTemplate:
                  spec:
                    initContainers:
            %s
            """;

    @Test
    void firesOnEachContainerThatSetsLessThanTheQuotaCounts() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: compute, namespace: jobs}
                spec:
                  hard: {requests.cpu: "8", limits.memory: 32Gi, pods: "20", requests.ephemeral-storage: 10Gi}
                """ + cluster("""
                        # expect: namespace-quota-container-unsized
                        - name: log-shipper
                          image: fluent/fluent-bit:2.2
                          resources: {requests: {memory: 64Mi}}""", """
                            # expect: namespace-quota-container-unsized
                            - name: fetch-jar
                              image: busybox:1.36"""));
        assertTrue(found.get(0).message().endsWith("container log-shipper sets no limits.memory, requests.cpu and no LimitRange of"
                + " namespace jobs gives a default: ResourceQuota compute refuses the JobManager and TaskManager pods, so the job never starts"),
                found.get(0).message());
        assertTrue(found.get(1).message().contains("container fetch-jar sets no limits.memory, requests.cpu")
                && found.get(1).message().endsWith("refuses the TaskManager pods, so the job never starts"), found.get(1).message());
    }

    /** Defaults from a LimitRange (its max and default count as limits and requests), a limit standing in for a request. */
    @Test
    void aLimitRangeOrALimitSatisfiesTheQuota() {
        RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: compute, namespace: jobs}
                spec:
                  hard: {cpu: "8", limits.memory: 32Gi}
                ---
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults, namespace: jobs}
                spec:
                  limits:
                    - type: Container
                      max: {memory: 1Gi}
                      defaultRequest: {cpu: 50m}
                """ + cluster("""
                        - name: log-shipper
                          image: fluent/fluent-bit:2.2""", """
                            - name: fetch-jar
                              image: busybox:1.36
                              resources: {limits: {cpu: 100m}}"""));
    }

    @Test
    void silentWithoutAQuotaOnCpuOrMemoryOrWithAScopedOne() {
        RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: counts, namespace: jobs}
                spec:
                  hard: {pods: "20", requests.storage: 1Ti}
                ---
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: best-effort, namespace: jobs}
                spec:
                  hard: {requests.cpu: "1"}
                  scopes: [NotBestEffort]
                """ + cluster("""
                        - name: log-shipper
                          image: fluent/fluent-bit:2.2""", """
                            - name: fetch-jar
                              image: busybox:1.36"""));
    }

    /**
     * The operator merges a component's pod template over the shared one by list position, unless
     * kubernetes.operator.pod-template.merge-arrays-by-name is true: then a TaskManager template that
     * sizes the shared template's sidecar by name leaves only the JobManager's copy unsized.
     */
    @Test
    void templatesMergeByPositionUnlessByName() {
        String stream = """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: compute, namespace: jobs}
                spec:
                  hard: {requests.cpu: "8"}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: jobs}
                spec:
                  flinkVersion: v1_17
                  serviceAccount: flink
                  flinkConfiguration: {kubernetes.operator.pod-template.merge-arrays-by-name: "%s"}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: log-shipper
                            resources: {requests: {cpu: 10m}}
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                        # expect: namespace-quota-container-unsized
                        - name: log-shipper
                          image: fluent/fluent-bit:2.2
                  job: {jarURI: "local:///job.jar", parallelism: 2}
                """;
        List<Diagnostic> byPosition = RuleTester.forRule(RULE).raw("1.10.0", stream.formatted("false"));
        assertTrue(byPosition.get(0).message().endsWith("refuses the JobManager and TaskManager pods, so the job never starts"),
                byPosition.get(0).message());
        List<Diagnostic> byName = RuleTester.forRule(RULE).raw("1.10.0", stream.formatted("true"));
        assertTrue(byName.get(0).message().endsWith("refuses the JobManager pods, so the job never starts"), byName.get(0).message());
    }

    /** The samples' dev analytics namespace has a quota on requests and container defaults from environment.yaml. */
    @Test
    void environmentContainerDefaultsAdmitASidecar() {
        TestRepo repo = new TestRepo(dir).withSamples();
        String job = repo.read("environments/dev/state-machine.yaml");
        assertTrue(job.contains("\nspec:\n"), job);
        String withSidecar = job.replace("\nspec:\n", """

                spec:
                  podTemplate:
                    spec:
                      containers:
                        - name: log-shipper
                          image: fluent/fluent-bit:2.2
                """);
        repo.file("environments/dev/state-machine.yaml", withSidecar);
        Cli.Result admitted = Cli.run(repo.root(), "validate");
        assertFalse(admitted.out().contains("[" + RULE + "]"), admitted.out());

        String env = repo.read("environments/dev/environment.yaml");
        int from = env.indexOf("      containerDefaults:");
        int to = env.indexOf("    - name: clickstream");
        repo.file("environments/dev/environment.yaml", env.substring(0, from) + env.substring(to));
        Cli.Result refused = Cli.run(repo.root(), "validate");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().contains("environments/dev/state-machine.yaml:" + (lineOf(withSidecar, "- name: log-shipper")) + ":"
                + "11: error: FlinkDeployment/analytics/state-machine: container log-shipper sets no requests.cpu, requests.memory"), refused.out());
    }

    private static int lineOf(String text, String needle) {
        return (int) text.substring(0, text.indexOf(needle)).chars().filter(c -> c == '\n').count() + 1;
    }
}
