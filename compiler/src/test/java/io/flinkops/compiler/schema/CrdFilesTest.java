package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CRD files for operators that are not built in (--crd, spec.operator.crdFiles): a real CRD judges
 * resources by its schema; a file that holds no CRD is refused instead of silently never used.
 */
class CrdFilesTest {
    private static final String DEPLOYMENT = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: app, namespace: jobs}
            spec:
              flinkVersion: v1_17
              serviceAccount: flink
              surprise: true
              jobManager: {resource: {memory: 1g, cpu: 1}}
              taskManager: {resource: {memory: 2g, cpu: 1}}
              job: {jarURI: "local:///job.jar", parallelism: 1}
            """;

    @TempDir
    Path dir;

    /** The operator's own CRD, as the build unpacked it from the published artifact. */
    private static String operatorCrd() throws Exception {
        try (InputStream in = CrdFilesTest.class.getResourceAsStream("/io/flinkops/compiler/schema/crds/1.10.0/flinkdeployments.flink.apache.org-v1.yml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aCrdFileJudgesAnOperatorThatIsNotBuiltIn() throws Exception {
        TestRepo repo = new TestRepo(dir).file("crds/flinkdeployments.yaml", operatorCrd()).file("app.yaml", DEPLOYMENT);
        Cli.Result without = Cli.run(repo.root(), "validate", "--operator-version", "1.99.0", "app.yaml");
        assertEquals(2, without.code(), without.out() + without.err());
        assertTrue(without.err().contains("operator version '1.99.0' has no built-in CRDs"), without.err());

        Cli.Result with = Cli.run(repo.root(), "validate", "--operator-version", "1.99.0", "--crd", "crds/flinkdeployments.yaml",
                "--categories", "schema", "app.yaml");
        assertEquals(1, with.code(), with.out() + with.err());
        assertTrue(with.out().contains("app.yaml:7:3: error: FlinkDeployment/jobs/app: unknown field 'spec.surprise' [crd-schema]"), with.out());
    }

    @Test
    void aFileThatHoldsNoCrdIsRefused() {
        TestRepo repo = new TestRepo(dir).file("cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n").file("app.yaml", DEPLOYMENT);
        Cli.Result r = Cli.run(repo.root(), "validate", "--crd", "cm.yaml", "app.yaml");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("flinkops: cm.yaml:1:1: --crd file holds no CustomResourceDefinition"), r.err());
    }

    @Test
    void anEnvironmentsCrdFilesMustHoldCrds() {
        TestRepo repo = new TestRepo(dir).withSamples().file("crds/readme.yaml", "note: not a CRD\n");
        repo.file("environments/dev/environment.yaml", repo.read("environments/dev/environment.yaml")
                .replace("  operator:\n", "  operator:\n    crdFiles: [crds/readme.yaml, crds/missing.yaml]\n"));
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("environments/dev/environment.yaml:18:16: error: CRD file crds/readme.yaml holds no CustomResourceDefinition"
                + " [unresolved-reference]"), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:18:34: error: CRD file crds/missing.yaml does not exist"), r.out());
    }
}
