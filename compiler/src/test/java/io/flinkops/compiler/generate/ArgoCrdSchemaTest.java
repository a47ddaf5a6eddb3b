package io.flinkops.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.pipeline.CompileRequest;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.pipeline.EnvironmentResult;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
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
 * The emitted Application, ApplicationSet and AppProject validate against the schemas generated
 * from Argo CD's own CRDs (the published npm package @kubernetes-models/argo-cd, which the Maven
 * build installs into target/), run with node.
 */
class ArgoCrdSchemaTest {
    @TempDir
    Path dir;

    @Test
    void argoObjectsMatchArgoCdSchemas() throws Exception {
        // installed by the build (exec-maven-plugin, generate-test-resources): the test itself stays offline
        Path checker = Fixtures.repoRoot().resolve("compiler/target/argocd-schema-check");
        assertTrue(Files.isDirectory(checker.resolve("node_modules/@kubernetes-models/argo-cd")),
                "run the tests through Maven (mvn -B verify), which installs the Argo CD schema checker into " + checker);
        ObjectMapper json = new ObjectMapper();
        ArrayNode objects = json.createArrayNode();
        objects.addAll(argoObjectsOfTheSamples(dir));
        assertTrue(objects.size() >= 8, "applications, application sets and projects of three environments");
        assertEquals(0, run(checker, json.writeValueAsString(objects), "node", "validate.mjs"));

        ArrayNode broken = objects.deepCopy();
        for (var o : broken) {
            if (o.path("kind").asText().equals("Application")) {
                ((ObjectNode) o.path("spec").path("syncPolicy").path("automated")).put("prune", "yes");
                break;
            }
        }
        assertEquals(1, run(checker, json.writeValueAsString(broken), "node", "validate.mjs"), "the check can fail");
    }

    /** The Argo CD objects the samples compile to (copies, free to break). */
    static List<ObjectNode> argoObjectsOfTheSamples(Path dir) {
        TestRepo repo = new TestRepo(dir).withSamples();
        CompileResult result = new Compiler().compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY));
        List<ObjectNode> out = new ArrayList<>();
        for (EnvironmentResult env : result.environments()) {
            env.objects().stream().filter(o -> o.apiVersion().startsWith("argoproj.io/")).forEach(o -> out.add(o.object().deepCopy()));
        }
        return out;
    }

    private static int run(Path cwd, String stdin, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true).start();
        if (stdin != null) {
            p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(300, TimeUnit.SECONDS), "timed out: " + String.join(" ", cmd));
        System.out.print(out);
        return p.exitValue();
    }
}
