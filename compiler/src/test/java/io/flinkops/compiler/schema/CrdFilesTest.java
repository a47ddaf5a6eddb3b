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
 * resources by its schema, of the operator's group or any other; a file that holds no CRD, or a CRD
 * the API server would refuse or flinkops could not apply, is refused instead of silently never used.
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

    /** An environment on an operator the jar does not carry is judged by the CRD files of --crd, as by its own crdFiles. */
    @Test
    void crdFilesOnTheCommandLineJudgeAnEnvironmentOnAnOperatorNotBuiltIn() throws Exception {
        String sessionJobs;
        try (InputStream in = CrdFilesTest.class.getResourceAsStream("/io/flinkops/compiler/schema/crds/1.10.0/flinksessionjobs.flink.apache.org-v1.yml")) {
            sessionJobs = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        TestRepo repo = new TestRepo(dir).withSamples().edit("environments/prod/environment.yaml", "version: 1.7.0", "version: 1.99.0")
                .file("crds/operator.yaml", operatorCrd() + "---\n" + sessionJobs);
        Cli.Result without = Cli.run(repo.root(), "validate", "--env", "prod");
        assertEquals(1, without.code(), without.out());
        assertTrue(without.out().contains("operator version 1.99.0 has no built-in CRDs"), without.out());
        Cli.Result with = Cli.run(repo.root(), "validate", "--env", "prod", "--crd", "crds/operator.yaml");
        assertEquals(0, with.code(), with.out());
        assertTrue(with.out().startsWith("0 errors, 0 warnings"), with.out());
    }

    @Test
    void aCrdFileJudgesAnOperatorThatIsNotBuiltIn() throws Exception {
        TestRepo repo = new TestRepo(dir).file("crds/flinkdeployments.yaml", operatorCrd()).file("app.yaml", DEPLOYMENT);
        Cli.Result without = Cli.run(repo.root(), "validate", "--operator-version", "1.99.0", "app.yaml");
        assertEquals(2, without.code(), without.out() + without.err());
        assertEquals("flinkops: --operator-version 1.99.0 has no built-in CRDs (built in: 1.7.0, 1.10.0); name its CRD files with --crd\n",
                without.err());

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
        repo.edit("environments/dev/environment.yaml",
                "  operator:\n", "  operator:\n    crdFiles: [crds/readme.yaml, crds/missing.yaml]\n");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("environments/dev/environment.yaml:18:16: error: CRD file crds/readme.yaml holds no CustomResourceDefinition"
                + " [unresolved-reference]"), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:18:34: error: CRD file crds/missing.yaml does not exist"), r.out());
    }

    /** A CRD of another API group, with the schema parts flinkops applies; {@code schema} replaces the spec's. */
    private static String widgetCrd(String specSchema) {
        return """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: widgets.example.com}
                spec:
                  group: example.com
                  names: {kind: Widget, plural: widgets, singular: widget, listKind: WidgetList}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      schema:
                        openAPIV3Schema:
                          type: object
                          properties:
                            spec:
                """ + specSchema.indent(20) + """
                            status:
                              type: object
                              properties:
                                phase: {type: string}
                """;
    }

    private static final String WIDGET_SPEC = """
            type: object
            properties:
              size: {type: integer, minimum: 1}
              colour: {type: string, pattern: "^[a-z]+$"}
              port: {x-kubernetes-int-or-string: true}
              extra: {type: object, x-kubernetes-preserve-unknown-fields: true}
            """;

    @Test
    void aCrdOfAnotherGroupJudgesItsKind() {
        String widget = """
                apiVersion: example.com/v1
                kind: Widget
                metadata: {name: w, namespace: jobs}
                spec:
                  size: 0
                  colour: Red
                  port: http
                  extra: {anything: [1, 2]}
                  sise: 2
                status: {phase: 7}
                """;
        TestRepo repo = new TestRepo(dir).file("crds/widgets.yaml", widgetCrd(WIDGET_SPEC)).file("w.yaml", widget)
                .file("w2.yaml", widget.replace("example.com/v1", "example.com/v2"));
        Cli.Result without = Cli.run(repo.root(), "validate", "--categories", "schema", "w.yaml");
        assertEquals(0, without.code(), without.out() + without.err());

        Cli.Result with = Cli.run(repo.root(), "validate", "--categories", "schema", "--crd", "crds/widgets.yaml", "w.yaml", "w2.yaml");
        assertEquals(1, with.code(), with.out() + with.err());
        assertTrue(with.out().contains("w.yaml:5:3: error: Widget/jobs/w: spec.size: must have a minimum value of 1 [crd-schema]"), with.out());
        assertTrue(with.out().contains("w.yaml:6:3: error: Widget/jobs/w: spec.colour: does not match the regex pattern ^[a-z]+$"), with.out());
        assertTrue(with.out().contains("w.yaml:9:3: error: Widget/jobs/w: unknown field 'spec.sise'"), with.out());
        // its status is no subresource, so the API server validates it with the rest
        assertTrue(with.out().contains("w.yaml:10:10: error: Widget/jobs/w: status.phase: integer found, string expected"), with.out());
        assertTrue(with.out().contains("w2.yaml:1:1: error: Widget/jobs/w: CRD file crds/widgets.yaml defines Widget in example.com but serves no version v2"),
                with.out());
        assertEquals(5, with.out().lines().filter(l -> l.contains("[crd-schema]")).count(), with.out());
    }

    @Test
    void aCrdOfAnotherGroupDoesNotJudgeTheOperatorsKind() throws Exception {
        String lookalike = operatorCrd().replace("group: flink.apache.org", "group: flink.example.com")
                .replace("name: flinkdeployments.flink.apache.org", "name: flinkdeployments.flink.example.com");
        TestRepo repo = new TestRepo(dir).file("crds/lookalike.yaml", lookalike).file("app.yaml", DEPLOYMENT);
        Cli.Result r = Cli.run(repo.root(), "validate", "--operator-version", "1.99.0", "--crd", "crds/lookalike.yaml",
                "--categories", "schema", "app.yaml");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("operator 1.99.0 defines no FlinkDeployment flink.apache.org/v1beta1 among the built-in CRDs"), r.out());
    }

    @Test
    void aCrdTheApiServerWouldRefuseOrFlinkopsCouldNotApplyIsRefusedAtItsLine() {
        String[][] cases = {
                {"$ref: \"#/definitions/spec\"", "17:21: CRD widgets.example.com: a CRD schema cannot use $ref"},
                {"type: objekt", "17:21: CRD widgets.example.com: type 'objekt' is not one of array, boolean, integer, number, object, string"},
                {"type: string\npattern: \"([a-z\"", "18:21: CRD widgets.example.com: pattern '([a-z' is not a regular expression flinkops can check"},
                {"type: string\npattern: \"^(?!kube-)[a-z]+$\"", "18:21: CRD widgets.example.com: pattern '^(?!kube-)[a-z]+$' is not"
                        + " one the API server accepts: Go's regexp has no look-around"},
                {"type: string\nmaxLength: -1", "18:21: CRD widgets.example.com: maxLength must be a whole number, 0 or more, not '-1'"},
                {"type: number\nmultipleOf: 0", "18:21: CRD widgets.example.com: multipleOf must be greater than 0"},
                {"type: array\nitems: [{type: string}]", "18:21: CRD widgets.example.com: items must be one schema"},
                {"type: object\nrequired: size", "18:21: CRD widgets.example.com: required must be a list of field names"},
        };
        for (String[] c : cases) {
            TestRepo repo = new TestRepo(dir).file("crds/widgets.yaml", widgetCrd(c[0])).file("app.yaml", DEPLOYMENT);
            Cli.Result r = Cli.run(repo.root(), "validate", "--crd", "crds/widgets.yaml", "app.yaml");
            assertEquals(2, r.code(), c[0] + ": " + r.out() + r.err());
            assertTrue(r.err().contains("flinkops: crds/widgets.yaml:" + c[1]), c[0] + ": " + r.err());
        }
        String[][] whole = {
                {"apiextensions.k8s.io/v1\n", "apiextensions.k8s.io/v1beta1\n", "1:1: CRD widgets.example.com: a CRD must be apiextensions.k8s.io/v1"},
                {"        openAPIV3Schema:\n          type: object\n", "        openAPIV3Schema:\n          type: array\n",
                        "13:9: CRD widgets.example.com: the schema of version v1 must have type: object at its root"},
                {"      schema:\n", "      schemas:\n", "9:7: CRD widgets.example.com: version v1 has no schema.openAPIV3Schema"},
        };
        for (String[] c : whole) {
            String crd = widgetCrd(WIDGET_SPEC);
            assertTrue(crd.contains(c[0]), c[0]);
            TestRepo repo = new TestRepo(dir).file("crds/widgets.yaml", crd.replace(c[0], c[1])).file("app.yaml", DEPLOYMENT);
            Cli.Result r = Cli.run(repo.root(), "validate", "--crd", "crds/widgets.yaml", "app.yaml");
            assertEquals(2, r.code(), c[1] + ": " + r.out() + r.err());
            assertTrue(r.err().contains("flinkops: crds/widgets.yaml:" + c[2]), c[1] + ": " + r.err());
        }
    }

    @Test
    void anEnvironmentsBrokenCrdIsAFindingAtItsLine() {
        TestRepo repo = new TestRepo(dir).withSamples().file("crds/widgets.yaml", widgetCrd("type: objekt"));
        repo.edit("environments/dev/environment.yaml",
                "  operator:\n", "  operator:\n    crdFiles: [crds/widgets.yaml]\n");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("crds/widgets.yaml:17:21: error: CRD widgets.example.com: type 'objekt' is not one of"), r.out());
    }
}
