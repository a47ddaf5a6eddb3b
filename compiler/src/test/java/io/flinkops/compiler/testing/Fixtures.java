package io.flinkops.compiler.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Known-good inputs that tests change one field of. */
public final class Fixtures {
    private Fixtures() {}

    /**
     * A FlinkDeployment for overlays/dev/analytics/resources/ of the samples: valid in dev, without a
     * namespace (its root's applies), its job on line 13.
     */
    public static final String OVERLAY_JOB = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: extra
              labels: {flinkops.io/team: data-platform}
            spec:
              image: flink:1.17.2
              flinkVersion: v1_17
              serviceAccount: flink
              flinkConfiguration: {taskmanager.numberOfTaskSlots: "2"}
              jobManager: {resource: {memory: 2048m, cpu: 1}}
              taskManager: {resource: {memory: 2048m, cpu: 1}}
              job: {jarURI: "local:///x.jar", parallelism: 2, upgradeMode: stateless}
            """;

    /** spec.jobManager and spec.taskManager with their resources, for {@link #rawDeployment}. */
    public static final String RESOURCES = "  jobManager: {resource: {memory: 1g, cpu: 0.5}}\n  taskManager: {resource: {memory: 1g, cpu: 0.5}}\n";

    /**
     * A raw FlinkDeployment app in namespace jobs (Flink 1.17, service account flink), {@code body} (lines of
     * spec, indented by two) from line 8, and its job last: what a rule's test changes a part of.
     */
    public static String rawDeployment(String body) {
        return """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: jobs}
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  serviceAccount: flink
                """ + body + "  job: {jarURI: \"local:///job.jar\", parallelism: 2}\n";
    }

    /**
     * A patch of the samples' state-machine FlinkDeployment (namespace analytics): its apiVersion, kind
     * and metadata on lines 1-3, then {@code body} from line 4.
     */
    public static String stateMachinePatch(String body) {
        return "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: state-machine, namespace: analytics}\n" + body;
    }

    /** A patch for overlays/dev/analytics/patches/ of the samples: a cost center on state-machine (its name on line 4). */
    public static final String OVERLAY_PATCH = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: state-machine
              namespace: analytics
              annotations: {acme.com/cost-center: "4711"}
            """;

    /** The repository root (surefire passes it; running from the module folder works too). */
    public static Path repoRoot() {
        String prop = System.getProperty("flinkops.repo.root");
        Path p = prop != null ? Path.of(prop) : Path.of("..");
        p = p.toAbsolutePath().normalize();
        if (!Files.isDirectory(p.resolve("environments"))) {
            p = Path.of("").toAbsolutePath();
        }
        return p;
    }

    /** An environment on the given operator version with one namespace, "jobs", and the sizes small and large. */
    public static String environment(String name, String operatorVersion, boolean production) {
        return """
                apiVersion: flinkops.io/v1alpha1
                kind: Environment
                metadata:
                  name: %s
                spec:
                  production: %s
                  operator:
                    version: %s
                    namespace: flink-operator
                    watchNamespaces: [jobs]
                  state:
                    bucket: acme-flink-state
                  namespaces:
                    - name: jobs
                      team: data
                      iamRoleArn: arn:aws:iam::111122223333:role/flink-jobs
                  sizes:
                    small:
                      jobManager: {cpu: 1, memory: 1024m}
                      taskManager: {cpu: 1, memory: 2048m}
                      taskSlots: 2
                  policies: [baseline]
                """.formatted(name, production, operatorVersion);
    }

    /** A policy set that only exists, so environments can name it. */
    public static final String BASELINE = """
            apiVersion: flinkops.io/v1alpha1
            kind: PolicySet
            metadata:
              name: baseline
            spec: {}
            """;

    /** A FlinkJob that passes every check. */
    public static String flinkJob(String name) {
        return """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: %s
                  namespace: jobs
                spec:
                  owner: data
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  size: small
                  job:
                    jarURI: local:///opt/flink/examples/streaming/StateMachineExample.jar
                    parallelism: 2
                    upgradeMode: savepoint
                """.formatted(name);
    }
}
