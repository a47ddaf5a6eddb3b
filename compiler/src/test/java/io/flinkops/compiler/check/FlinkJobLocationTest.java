package io.flinkops.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Admission and schema findings on FlinkJob specs land on the spec line the value came from. */
class FlinkJobLocationTest {
    @TempDir
    Path dir;

    private TestRepo repo(String operatorVersion, String job) {
        return new TestRepo(dir)
                .file("environments/dev/environment.yaml", Fixtures.environment("dev", operatorVersion, false))
                .file("policies/baseline.yaml", Fixtures.BASELINE)
                .file("environments/dev/job.yaml", job);
    }

    @Test
    void parallelismComesFromTheSpecLine() {
        List<Diagnostic> found = RuleTester.forRule("operator-parallelism-not-positive").repo(repo("1.7.0", """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: job
                  namespace: jobs
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  size: small
                  job:
                    jarURI: local:///job.jar
                    # expect: operator-parallelism-not-positive
                    parallelism: 0
                """), "environments/dev/job.yaml");
        assertEquals(5, found.get(0).location().column());
        assertEquals("/spec/job/parallelism", found.get(0).pointer());
    }

    @Test
    void forbiddenKeyInExtraConfiguration() {
        RuleTester.forRule("operator-forbidden-config-key").repo(repo("1.10.0", """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: job
                  namespace: jobs
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  size: small
                  flinkConfiguration:
                    # expect: operator-forbidden-config-key
                    kubernetes.cluster-id: other
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                """), "environments/dev/job.yaml");
    }

    @Test
    void explicitMemoryAndSizeLines() {
        RuleTester.forRule("operator-memory-invalid").repo(repo("1.7.0", """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: job
                  namespace: jobs
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  size: small
                  resources:
                    taskManager:
                      # expect: operator-memory-invalid
                      memory: 1.5Gi
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                """), "environments/dev/job.yaml");
    }

    @Test
    void lastStateWithHaTurnedOffOn17() {
        RuleTester.forRule("operator-last-state-without-ha").repo(repo("1.7.0", """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: job
                  namespace: jobs
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  size: small
                  highAvailability: false
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                    # expect: operator-last-state-without-ha
                    upgradeMode: last-state
                """), "environments/dev/job.yaml");
    }

    @Test
    void crdEnumOnFlinkVersionLine() {
        RuleTester.forRule("crd-schema").repo(repo("1.7.0", """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: job
                  namespace: jobs
                spec:
                  image: flink:1.20.0
                  # expect: crd-schema
                  flinkVersion: v1_20
                  size: small
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                """), "environments/dev/job.yaml");
    }

    @Test
    void numbersInFlinkJobConfigurationAreQuotedForTheAuthor() {
        RuleTester.forRule("crd-schema").repo(repo("1.10.0", """
                apiVersion: flinkops.io/v1alpha1
                kind: FlinkJob
                metadata:
                  name: job
                  namespace: jobs
                spec:
                  image: flink:1.17.2
                  flinkVersion: v1_17
                  size: small
                  flinkConfiguration:
                    pipeline.max-parallelism: 128
                    state.backend.incremental: true
                  job:
                    jarURI: local:///job.jar
                    parallelism: 1
                """), "environments/dev/job.yaml");
    }
}
