package io.flinkops.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.load.OperatorConfigurationFile;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --operator-config}: a raw resource outside any environment is admitted on its configuration over
 * the operator's defaults, given as the file the operator reads them from or as its ConfigMap.
 */
class OperatorConfigOptionTest {
    /** Refused by operator 1.7.0 for savepoint upgrades without checkpoint and savepoint directories, unless its defaults name them. */
    private static final String DEPLOYMENT = Fixtures.rawDeployment(Fixtures.RESOURCES)
            .replace("parallelism: 2}", "parallelism: 2, upgradeMode: savepoint}");

    @TempDir
    Path dir;

    private Cli.Result validate(String... options) throws IOException {
        Files.writeString(dir.resolve("app.yaml"), DEPLOYMENT);
        String[] args = new String[options.length + 4];
        args[0] = "validate";
        args[1] = "--operator-version";
        args[2] = "1.7.0";
        System.arraycopy(options, 0, args, 3, options.length);
        args[args.length - 1] = "app.yaml";
        return Cli.run(dir, args);
    }

    @Test
    void theOperatorsDefaultsAdmitWhatTheResourceLeavesOut() throws IOException {
        Cli.Result alone = validate();
        assertEquals(1, alone.code(), alone.out());
        assertTrue(alone.out().contains("[operator-savepoint-dir-missing]"), alone.out());

        Files.writeString(dir.resolve("flink-conf.yaml"), "# the operator's defaults\nstate.savepoints.dir: s3://acme/savepoints\nstate.checkpoints.dir: s3://acme/checkpoints\n");
        Cli.Result flat = validate("--operator-config", "flink-conf.yaml");
        assertEquals(0, flat.code(), flat.out() + flat.err());

        Files.writeString(dir.resolve("config.yaml"), "state:\n  savepoints:\n    dir: s3://acme/savepoints\n  checkpoints.dir: s3://acme/checkpoints\n");
        assertEquals(0, validate("--operator-config", "config.yaml").code());

        Files.writeString(dir.resolve("configmap.yaml"), """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: flink-operator-config, namespace: flink-operator}
                data:
                  flink-conf.yaml: |+
                    kubernetes.operator.reconcile.interval: 15 s
                    state.savepoints.dir: s3://acme/savepoints
                    state.checkpoints.dir: s3://acme/checkpoints
                  log4j-operator.properties: ""
                """);
        assertEquals(0, validate("--operator-config", "configmap.yaml").code());
    }

    @Test
    void aFileThatHoldsNoConfigurationIsNamedWithItsPosition() throws IOException {
        Files.writeString(dir.resolve("bad.yaml"), "- state.savepoints.dir\n");
        Cli.Result r = validate("--operator-config", "bad.yaml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("bad.yaml:1:1: an operator configuration file holds one mapping"), r.err());
        Cli.Result missing = validate("--operator-config", "nowhere.yaml");
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nowhere.yaml:1:1: cannot read operator configuration file"), missing.err());
        Files.writeString(dir.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n  log4j.properties: x\n");
        Files.writeString(dir.resolve("cm-dup.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata:\n"
                + "  flink-conf.yaml: |\n    state.savepoints.dir: s3://a/s\n    state.savepoints.dir: s3://b/s\n");
        Cli.Result embedded = validate("--operator-config", "cm-dup.yaml");
        assertEquals(2, embedded.code());
        assertTrue(embedded.err().contains("cm-dup.yaml:7:5: duplicate key 'state.savepoints.dir'"), embedded.err());
        Cli.Result noData = validate("--operator-config", "cm.yaml");
        assertEquals(2, noData.code());
        assertTrue(noData.err().contains("cm.yaml:4:1: the ConfigMap holds neither"), noData.err());
    }

    @Test
    void nestedKeysAndListsReadAsFlinkReadsThem() {
        Map<String, String> conf = OperatorConfigurationFile.read("config.yaml", """
                high-availability: {type: kubernetes, storageDir: "s3://acme/ha"}
                pipeline.jars: [a.jar, b.jar]
                taskmanager.numberOfTaskSlots: 2
                kubernetes.operator.savepoint.history.max.count: 010
                unset: ~
                """.getBytes(StandardCharsets.UTF_8));
        // Flink reads its file as text: 010 stays 010, where YAML would read 8
        assertEquals(Map.of("high-availability.type", "kubernetes", "high-availability.storageDir", "s3://acme/ha",
                "pipeline.jars", "a.jar;b.jar", "taskmanager.numberOfTaskSlots", "2",
                "kubernetes.operator.savepoint.history.max.count", "010"), conf);
    }
}
