package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import io.flinkops.compiler.emit.AtomicOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
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
        var check = io.flinkops.compiler.testing.Cli.runWithInput(dir, prodAnalytics, "validate", "-", "--operator-version", "1.7.0");
        assertEquals(0, check.code(), check.out());
        // and every root, as the pull-request workflow checks it: judged by its environment's operator
        for (EnvironmentResult env : result.environments()) {
            for (String root : env.objects().stream().map(EmittedObject::root).distinct().sorted().toList()) {
                var asCluster = io.flinkops.compiler.testing.Cli.runWithInput(repo.root(), kustomize(out.resolve(env.name()).resolve(root)),
                        "validate", "-", "--env", env.name(), "--categories", "schema,operator");
                assertEquals(0, asCluster.code(), env.name() + "/" + root + ": " + asCluster.out());
            }
        }
    }

    /** An overlay patch that breaks a FlinkDeployment passes the build (kustomize applies it later) but not the rendered check. */
    @Test
    void anOverlayThatBreaksAnObjectFailsTheRenderedCheck() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.file("overlays/prod/analytics/patches/bad.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: state-machine, namespace: analytics}
                spec: {job: {parallelism: two}}
                """);
        assertEquals(0, io.flinkops.compiler.testing.Cli.run(repo.root(), "build", "--out", "out").code());
        var check = io.flinkops.compiler.testing.Cli.runWithInput(repo.root(), kustomize(repo.root().resolve("out/prod/analytics")),
                "validate", "-", "--env", "prod", "--categories", "schema,operator");
        assertEquals(1, check.code(), check.out());
        assertTrue(check.out().contains("spec.job.parallelism: string found, integer expected [crd-schema]"), check.out());
    }

    static String kustomize(Path root) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", root.toString()).redirectErrorStream(false).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
        assertEquals(0, p.exitValue(), "kubectl kustomize " + root + " failed: " + err);
        return new String(out, StandardCharsets.UTF_8);
    }
}
