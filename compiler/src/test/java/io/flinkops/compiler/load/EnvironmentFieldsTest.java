package io.flinkops.compiler.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Environment fields that reach Argo CD, S3 paths or every pod template take what Kubernetes and S3 take:
 * every form they accept passes, and a value they would refuse (or that would change the output's
 * structure) is refused at its line.
 */
class EnvironmentFieldsTest {
    @TempDir
    Path dir;

    private int repos;

    private Cli.Result validateWith(String from, String to) {
        TestRepo repo = new TestRepo(dir.resolve("repo-" + repos++)).withSamples();
        String env = repo.read("environments/dev/environment.yaml");
        assertTrue(env.contains(from), from);
        repo.file("environments/dev/environment.yaml", env.replace(from, to));
        return Cli.run(repo.root(), "validate");
    }

    @Test
    void whatKubernetesTakesPasses() {
        Cli.Result r = validateWith("  tolerations:\n", """
                  tolerations:
                    - {key: "", operator: Exists, effect: ""}
                    - {operator: Exists}
                    - {key: example.com/gpu, operator: Equal, value: "", effect: NoExecute, tolerationSeconds: 300}
                """);
        assertEquals(0, r.code(), r.out());
        assertEquals(0, validateWith("    prefix: dev\n", "    prefix: teams/data_platform/dev-1.x\n").code());
        assertEquals(0, validateWith("    karpenter.sh/nodepool: flink\n", "    karpenter.sh/nodepool: \"\"\n").code());
    }

    @Test
    void whatTheyWouldRefuseIsRefusedAtItsLine() {
        Cli.Result server = validateWith("server: https://A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6.gr7.eu-west-1.eks.amazonaws.com",
                "server: \"https://eks.example.com\\nnamespace: kube-system\"");
        assertTrue(server.out().contains("environments/dev/environment.yaml:10:5: error: Environment spec.cluster.server:"
                + " 'https://eks.example.com\\nnamespace: kube-system' is not the URL of a Kubernetes API server"), server.out());
        for (String prefix : new String[] {"/dev", "dev/", "a//b", "a/../b", ".", "dev env"}) {
            Cli.Result r = validateWith("    prefix: dev\n", "    prefix: \"" + prefix + "\"\n");
            assertTrue(r.out().contains("environments/dev/environment.yaml:23:5: error: Environment spec.state.prefix: '" + prefix
                    + "' is not an S3 key prefix flinkops can put state under"), prefix + ": " + r.out());
        }
        Cli.Result selector = validateWith("    karpenter.sh/nodepool: flink\n", "    karpenter.sh/nodepool: \"flink pool\"\n");
        assertTrue(selector.out().contains("error: Environment spec.nodeSelector.karpenter.sh/nodepool: 'flink pool' is not a Kubernetes"
                + " label value"), selector.out());
        Cli.Result toleration = validateWith("  tolerations:\n", "  tolerations:\n    - {key: \"bad key\", operator: Exists, bogus: 1}\n");
        assertTrue(toleration.out().contains("error: Environment spec.tolerations[0].key: 'bad key' is not a taint key"), toleration.out());
        assertTrue(toleration.out().contains("error: Environment unknown field 'spec.tolerations[0].bogus'"), toleration.out());
    }
}
