package io.flinkops.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped argocd/plugin.yaml, run as Argo CD's repo server runs a config management plugin: its
 * discover and generate commands in a checkout of the samples, with the Application's plugin env
 * vars. flinkops and kustomize on the PATH are shims: the compiler on this test's class path, and
 * kubectl's built-in kustomize.
 */
class ConfigManagementPluginTest {
    @TempDir
    Path dir;

    private static final JsonNode PLUGIN = plugin();

    private static JsonNode plugin() {
        try {
            return new ObjectMapper(new YAMLFactory()).readTree(Fixtures.repoRoot().resolve("argocd/plugin.yaml").toFile());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Run(int code, String out, String err) {}

    private Run run(Path checkout, JsonNode command, JsonNode args, String env, String root) throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(bin.resolve("flinkops"), "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
                + "' io.flinkops.compiler.cli.FlinkopsCli \"$@\"\n");
        Files.writeString(bin.resolve("kustomize"), "#!/bin/sh\n[ \"$1\" = build ] || exit 2\nexec kubectl kustomize \"$2\"\n");
        bin.resolve("flinkops").toFile().setExecutable(true);
        bin.resolve("kustomize").toFile().setExecutable(true);
        List<String> argv = new ArrayList<>();
        command.forEach(c -> argv.add(c.asText()));
        if (args != null) {
            args.forEach(a -> argv.add(a.asText()));
        }
        ProcessBuilder pb = new ProcessBuilder(argv).directory(checkout.toFile());
        pb.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        pb.environment().put("ARGOCD_ENV_FLINKOPS_ENV", env);
        pb.environment().put("ARGOCD_ENV_FLINKOPS_ROOT", root);
        pb.redirectError(dir.resolve("stderr").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the plugin timed out");
        return new Run(p.exitValue(), out, Files.readString(dir.resolve("stderr")));
    }

    @Test
    void discoverFindsAnEnvironmentAndGenerateRendersItsRoot() throws Exception {
        Path checkout = new TestRepo(dir.resolve("checkout")).withSamples().root();
        Run found = run(checkout, PLUGIN.path("spec").path("discover").path("find").path("command"), null, "prod", "analytics");
        assertEquals(0, found.code(), found.err());
        assertEquals("environments", found.out().trim());
        Run missing = run(checkout, PLUGIN.path("spec").path("discover").path("find").path("command"), null, "nowhere", "analytics");
        assertNotEquals(0, missing.code());

        JsonNode generate = PLUGIN.path("spec").path("generate");
        Run rendered = run(checkout, generate.path("command"), generate.path("args"), "prod", "analytics");
        assertEquals(0, rendered.code(), rendered.err());
        List<JsonNode> docs = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).<JsonNode>readValues(rendered.out()).readAll();
        assertTrue(docs.stream().anyMatch(d -> d.path("kind").asText().equals("FlinkDeployment")
                && d.path("metadata").path("name").asText().equals("state-machine")
                && d.path("metadata").path("annotations").path("acme.com/cost-center").asText().equals("4711")),
                "the root, its overlay patch applied:\n" + rendered.out());
        assertTrue(docs.stream().allMatch(d -> d.path("metadata").path("namespace").asText("analytics").equals("analytics")
                || d.path("kind").asText().equals("Namespace")), rendered.out());
    }

    @Test
    void aFindingFailsTheGenerateWithItsLocation() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("checkout")).withSamples();
        repo.edit("environments/prod/state-machine.yaml",
                "parallelism: 2", "parallelism: 0");
        JsonNode generate = PLUGIN.path("spec").path("generate");
        Run rendered = run(repo.root(), generate.path("command"), generate.path("args"), "prod", "analytics");
        assertNotEquals(0, rendered.code());
        assertTrue(rendered.err().contains("file=environments/prod/state-machine.yaml,line="), rendered.err());
        assertEquals("", rendered.out().trim());
    }
}
