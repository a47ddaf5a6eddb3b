package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.KubectlKustomize;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import io.flinkops.compiler.emit.AtomicOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every emitted root renders with the real kubectl kustomize, to exactly the objects the compiler meant. */
class KustomizeTest {
    @TempDir
    Path dir;

    @Test
    void everyRootRendersToTheEmittedObjects() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        CompileResult result = new Compiler().compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY));
        assertTrue(result.diagnostics().isEmpty(), RuleTester.describe(result.diagnostics()));
        Path out = dir.resolve("out");
        Set<String> expected = new TreeSet<>();
        AtomicOutput.write(out, result.outputs());
        for (EnvironmentResult env : result.environments()) {
            for (EmittedObject o : env.objects()) {
                expected.add(env.name() + "/" + o.root() + ":" + o.id());
            }
        }
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (var walk = Files.walk(repo.root().resolve("overlays"))) {
            for (Path p : walk.filter(f -> f.toString().contains("/resources/") && f.toString().endsWith(".yaml")).toList()) {
                Path rel = repo.root().resolve("overlays").relativize(p);
                JsonNode doc = yaml.readTree(p.toFile());
                expected.add(rel.getName(0) + "/" + rel.getName(1) + ":" + doc.path("kind").asText() + "/"
                        + doc.path("metadata").path("namespace").asText() + "/" + doc.path("metadata").path("name").asText());
            }
        }
        Set<String> rendered = new TreeSet<>();
        for (EnvironmentResult env : result.environments()) {
            for (String root : env.objects().stream().map(EmittedObject::root).distinct().sorted().toList()) {
                String text = kustomize(out.resolve(env.name()).resolve(root));
                for (JsonNode doc : yaml.readerFor(JsonNode.class).<JsonNode>readValues(text).readAll()) {
                    String ns = doc.path("metadata").path("namespace").asText("");
                    rendered.add(env.name() + "/" + root + ":" + doc.path("kind").asText() + "/"
                            + (ns.isEmpty() ? "" : ns + "/") + doc.path("metadata").path("name").asText());
                }
            }
        }
        assertEquals(expected, rendered);

        // the result after overlays passes every check too, read back from kustomize's own output
        String prodAnalytics = kustomize(out.resolve("prod/analytics"));
        assertTrue(prodAnalytics.contains("acme.com/cost-center"), "the overlay patch was applied");
        var check = Cli.runWithInput(dir, prodAnalytics, "validate", "-", "--operator-version", "1.7.0");
        assertEquals(0, check.code(), check.out());
        // and every root, as the pull-request workflow checks it: judged as its environment's objects,
        // by its operator and its policy sets
        for (EnvironmentResult env : result.environments()) {
            for (String root : env.objects().stream().map(EmittedObject::root).distinct().sorted().toList()) {
                var asBuilt = Cli.runWithInput(repo.root(), kustomize(out.resolve(env.name()).resolve(root)),
                        "validate", "-", "--env", env.name());
                assertEquals(0, asBuilt.code(), env.name() + "/" + root + ": " + asBuilt.out());
                assertTrue(asBuilt.out().startsWith("0 errors, 0 warnings, 0 info;"), env.name() + "/" + root + ": " + asBuilt.out());
            }
        }
    }

    /**
     * A patch of the operator's kinds is merged into what it patches at the build, as kustomize will merge
     * it, and the result judged: a production job patched to stateless, its checkpoints moved to another
     * team's bucket, fail the build at the patch's lines. The rendered root, judged as its environment's
     * objects, meets the same policies at the same lines; an exception of the environment's policy sets
     * applies to both.
     */
    @Test
    void aPatchThatBreaksAPolicyFailsTheBuildAndTheRenderedCheck() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        buildsWith(repo, 0);
        String patch = Fixtures.stateMachinePatch("""
                spec:
                  job: {upgradeMode: stateless}
                  flinkConfiguration: {state.checkpoints.dir: "s3://another-teams-bucket/checkpoints"}
                """);
        repo.file("overlays/prod/analytics/patches/shortcut.yaml", patch);
        String stateless = "overlays/prod/analytics/patches/shortcut.yaml:5:9: error: FlinkDeployment/analytics/state-machine:"
                + " production job uses upgradeMode stateless [upgrade-mode-production]";
        String bucket = "overlays/prod/analytics/patches/shortcut.yaml:6:24: error: FlinkDeployment/analytics/state-machine:"
                + " state.checkpoints.dir writes to bucket another-teams-bucket, not the environment's bucket acme-flink-state-prod"
                + " [state-path-location]";
        buildsWith(repo, 1, stateless, bucket);

        // the root as it would render with the patch (the build refused to write it): kustomize's output, judged
        // as prod's objects, names the lines of the patch that wrote the values, not lines of kustomize's output
        Path root = repo.root().resolve("out/prod/analytics");
        Files.writeString(root.resolve("overlay-patch-shortcut.yaml"), patch);
        Files.writeString(root.resolve("kustomization.yaml"), Files.readString(root.resolve("kustomization.yaml"))
                + "  - path: overlay-patch-shortcut.yaml\n");
        String rendered = kustomize(root);
        var check = Cli.runWithInput(repo.root(), rendered, "validate", "-", "--env", "prod");
        assertEquals(1, check.code(), check.out());
        assertTrue(check.out().contains(stateless) && check.out().contains(bucket), check.out());

        repo.file("policies/shortcut.yaml", """
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: shortcut}
                spec:
                  exceptions:
                    - {rule: upgrade-mode-production, target: prod/analytics/state-machine, reason: migration, expires: 2027-03-31}
                """);
        repo.file("environments/prod/environment.yaml", repo.read("environments/prod/environment.yaml")
                .replaceFirst("policies: \\[([^]]*)\\]", "policies: [$1, shortcut]"));
        for (var excepted : List.of(Cli.run(repo.root(), "build", "--out", "out"),
                Cli.runWithInput(repo.root(), rendered, "validate", "-", "--env", "prod"))) {
            assertFalse(excepted.out().contains("[upgrade-mode-production]"), excepted.out());
            assertTrue(excepted.out().contains(bucket), excepted.out());
        }
    }

    /**
     * An overlay patch whose fields fit the CRD but whose result the operator refuses fails the build, as
     * does one that does not fit, and one kustomize cannot merge (a value where the object has a list).
     */
    @Test
    void anOverlayThatBreaksAnObjectFailsTheBuild() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        String patch = Fixtures.stateMachinePatch("""
                spec: {job: {parallelism: 0}}
                """);
        repo.file("overlays/prod/analytics/patches/bad.yaml", patch);
        var build = Cli.run(repo.root(), "build", "--out", "out", "--categories", "schema,operator");
        assertEquals(1, build.code(), build.out());
        assertTrue(build.out().contains("overlays/prod/analytics/patches/bad.yaml:4:14: error: FlinkDeployment/analytics/state-machine:"
                + " job parallelism is 0, it must be at least 1 [operator-parallelism-not-positive]"), build.out());

        repo.file("overlays/prod/analytics/patches/bad.yaml", patch.replace("parallelism: 0", "parallelism: two"));
        buildsWith(repo, 1, "overlays/prod/analytics/patches/bad.yaml:4:14: error: FlinkDeployment/analytics/state-machine:"
                + " spec.job.parallelism: string found, integer expected [crd-schema]");

        repo.file("overlays/prod/analytics/patches/bad.yaml", patch.replace("job: {parallelism: 0}", "podTemplate: {spec: {containers: none}}"));
        buildsWith(repo, 1, "overlays/prod/analytics/patches/bad.yaml:4:29: error: patch of FlinkDeployment"
                + " 'analytics/state-machine': the object has a list at /spec/podTemplate/spec/containers and the patch a value:"
                + " kustomize refuses to merge them (wrong node kind) [overlay-invalid]");
    }

    /**
     * kustomize leaves an extra resource without a namespace as it was written; Argo CD deploys it in the
     * root's namespace, the one namespace the rendered root creates, and there it is judged (not in default).
     */
    @Test
    void anExtraResourceWithoutANamespaceIsJudgedInItsRootsNamespace() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.file("overlays/dev/analytics/resources/extra-job.yaml", Fixtures.OVERLAY_JOB);
        buildsWith(repo, 0);
        String rendered = kustomize(repo.root().resolve("out/dev/analytics"));
        assertTrue(rendered.contains("  name: extra\n"), rendered);
        var check = Cli.runWithInput(repo.root(), rendered, "validate", "-", "--env", "dev");
        assertEquals(0, check.code(), check.out());
        // a finding on it names the overlay file it came from
        var zero = Cli.runWithInput(repo.root(), rendered.replace("parallelism: 2\n    upgradeMode: stateless",
                "parallelism: 0\n    upgradeMode: stateless"), "validate", "-", "--env", "dev");
        assertTrue(zero.out().startsWith("overlays/dev/analytics/resources/extra-job.yaml:13:35: error: FlinkDeployment/analytics/extra:"
                + " job parallelism is 0"), zero.out());
        // outside a root (no Namespace object, or several), an object without a namespace is in default, as kubectl applies it
        var loose = Cli.runWithInput(repo.root(), rendered.replaceFirst("(?s)^.*?\n---\n", ""),
                "validate", "-", "--env", "dev");
        assertTrue(loose.out().contains("FlinkDeployment/extra: runs in namespace default"), loose.out());
    }

    /**
     * kustomize replaces a custom resource's list whole, so what is in a list a patch writes is found in the
     * patch, by the build and by the rendered check alike: here a sidecar's image no runtime can pull.
     */
    @Test
    void aListAPatchWritesIsFoundInThePatch() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        String patch = Fixtures.stateMachinePatch("""
                spec:
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          env: [{name: ENABLE_BUILT_IN_PLUGINS, value: flink-s3-fs-hadoop-1.17.2.jar}]
                        - {name: log-shipper, image: "Fluent Bit:2"}
                """);
        String finding = "overlays/dev/analytics/patches/sidecar.yaml:10:31: error: FlinkDeployment/analytics/state-machine: image 'Fluent Bit:2'";
        repo.file("overlays/dev/analytics/patches/sidecar.yaml", patch);
        buildsWith(repo, 1, finding);

        repo.file("overlays/dev/analytics/patches/sidecar.yaml", patch.replace("Fluent Bit:2", "fluent/fluent-bit:2"));
        buildsWith(repo, 0);
        repo.file("overlays/dev/analytics/patches/sidecar.yaml", patch);
        Path root = repo.root().resolve("out/dev/analytics");
        Files.writeString(root.resolve("overlay-patch-sidecar.yaml"), patch);
        String rendered = kustomize(root);
        var check = Cli.runWithInput(repo.root(), rendered, "validate", "-", "--env", "dev");
        assertEquals(1, check.code(), check.out());
        assertTrue(check.out().contains(finding), check.out());
    }

    /**
     * A patch of one of Kubernetes' own kinds that flinkops writes merges as a custom resource's does
     * (their schemas give the lists such a patch writes no merge key), so the build checks the result: an
     * egress rule added to the S3 policy replaces the generated rule and opens every port, and a deleted
     * default-deny policy is missed, each said where the overlay wrote it.
     */
    @Test
    void aPatchOfAGeneratedNetworkPolicyIsCheckedAsMerged() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.file("overlays/prod/analytics/patches/egress.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: allow-s3-egress, namespace: analytics}
                spec:
                  egress:
                    - to: [{ipBlock: {cidr: 0.0.0.0/0}}]
                """);
        buildsWith(repo, 0, "overlays/prod/analytics/patches/egress.yaml:6:7: warning: NetworkPolicy/analytics/allow-s3-egress:"
                + " NetworkPolicy allows egress to any destination on any port [egress-open]",
                "overlays/prod/analytics/patches/egress.yaml:5:3: warning: patch of NetworkPolicy"
                + " 'analytics/allow-s3-egress' replaces the list spec.egress whole (kustomize merges none of its items by key):"
                + " 1 of its 1 items is not in the patch as the object had it [overlay-list-replaced]");

        repo.file("overlays/prod/analytics/patches/egress.yaml", """
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata: {name: default-deny, namespace: analytics}
                $patch: delete
                """);
        buildsWith(repo, 1, "[network-default-deny-missing]");
    }

    /**
     * kustomize reads overlays in YAML 1.2, where {@code yes} and {@code on} are text, not true: in an extra
     * resource's configuration (a map of strings) they pass, as they do in the rendered root; {@code true}
     * is a boolean to both, and the API server refuses it there. Text where Flink wants a boolean fails Flink.
     */
    @Test
    void overlaysAreReadAsKustomizeReadsThem() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.file("overlays/dev/analytics/resources/extra-job.yaml", Fixtures.OVERLAY_JOB
                .replace("taskmanager.numberOfTaskSlots: \"2\"", "taskmanager.numberOfTaskSlots: \"2\", pipeline.name: yes"));
        repo.file("overlays/dev/analytics/patches/reuse.yaml", Fixtures.stateMachinePatch("""
                spec: {flinkConfiguration: {pipeline.name: on}}
                """));
        buildsWith(repo, 0);
        String rendered = kustomize(repo.root().resolve("out/dev/analytics"));
        assertTrue(rendered.contains("pipeline.name: \"yes\"") && rendered.contains("pipeline.name: \"on\""), rendered);
        assertEquals(0, Cli.runWithInput(repo.root(), rendered, "validate", "-", "--env", "dev").code());

        repo.file("overlays/dev/analytics/patches/reuse.yaml", repo.read("overlays/dev/analytics/patches/reuse.yaml").replace(": on}", ": true}"));
        buildsWith(repo, 1, "overlays/dev/analytics/patches/reuse.yaml:4:29: error: FlinkDeployment/analytics/state-machine:"
                + " spec.flinkConfiguration.pipeline.name: boolean found, string expected");
        // text to the API server, but not a boolean to Flink, which then fails to start the job
        repo.file("overlays/dev/analytics/patches/reuse.yaml", Fixtures.stateMachinePatch("spec: {flinkConfiguration: {pipeline.object-reuse: on}}\n"));
        buildsWith(repo, 1, "overlays/dev/analytics/patches/reuse.yaml:4:29: error: FlinkDeployment/analytics/state-machine:"
                + " pipeline.object-reuse 'on' is not true or false, as Flink reads it");
    }

    /**
     * kustomize writes a plain date in an overlay as Go's timestamp, so a label that reads as a date is not a
     * valid label value by the time it reaches the API server; the build says so on the overlay's line.
     */
    @Test
    void aPlainDateInAnOverlayArrivesAsATimestamp() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        String resource = """
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: release-notes
                  labels: {released: 2024-01-01}
                data: {note: x}
                """;
        repo.file("overlays/dev/analytics/resources/notes.yaml", resource);
        buildsWith(repo, 1, "overlays/dev/analytics/resources/notes.yaml:5:12: error: ConfigMap/analytics/release-notes:"
                + " label value '2024-01-01T00:00:00Z' is not valid");

        repo.file("overlays/dev/analytics/resources/notes.yaml", resource.replace("2024-01-01", "\"2024-01-01\""));
        buildsWith(repo, 0);
        assertTrue(kustomize(repo.root().resolve("out/dev/analytics")).contains("released: \"2024-01-01\""));
        // the overlay as written, copied into the root as the build copies it: kustomize turns the date into a timestamp
        Files.writeString(repo.root().resolve("out/dev/analytics/overlay-notes.yaml"), resource);
        assertTrue(kustomize(repo.root().resolve("out/dev/analytics")).contains("released: \"2024-01-01T00:00:00Z\""));
    }

    /** A build of the repository into out/ that ends with {@code code} and reports each of {@code findings}. */
    private static void buildsWith(TestRepo repo, int code, String... findings) {
        Cli.Result build = Cli.run(repo.root(), "build", "--out", "out");
        assertEquals(code, build.code(), build.out() + build.err());
        for (String finding : findings) {
            assertTrue(build.out().contains(finding), finding + "\n" + build.out());
        }
    }

    static String kustomize(Path root) throws IOException, InterruptedException {
        return KubectlKustomize.render(root);
    }
}
