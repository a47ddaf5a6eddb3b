package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.RuleTester;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the one-file start-up relies on: a warmed-up compiler is the same compiler, and picocli is archivable. */
class StartUpTest {
    private static final String BROKEN = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: Bad_Name, namespace: flink}
            spec:
              image: flink:1.17
              flinkVersion: v1_17
              serviceAccount: flink
              jobManager: {resource: {memory: 2048m, cpu: 1}}
              taskManager: {resource: {memory: 12, cpu: 1}, replicas: 0}
              job: {jarURI: "local:///job.jar", parallelism: 0, upgradeMode: savepoint, unknown: 1}
            """;

    @Test
    void aWarmedUpCompilerFindsWhatAFreshOneFinds(@TempDir Path dir) {
        List<String> fresh = findings(new Compiler(), dir);
        Compiler prepared = Compiler.preparing();
        prepared.warmUp();
        List<String> warm = findings(prepared, dir);
        assertTrue(fresh.size() >= 5, fresh.toString());
        assertEquals(fresh, warm);
    }

    /** As the CLI runs it: the warm-up goes on while the same compiler checks the user's document. */
    @Test
    void aCompilerCheckingWhileItWarmsUpFindsTheSame(@TempDir Path dir) throws Exception {
        List<String> fresh = findings(new Compiler(), dir);
        for (int i = 0; i < 5; i++) {
            Compiler compiler = Compiler.preparing();
            Thread warming = new Thread(compiler::warmUp);
            warming.start();
            assertEquals(fresh, findings(compiler, dir));
            warming.join();
        }
    }

    private static List<String> findings(Compiler compiler, Path dir) {
        var docs = compiler.yaml().read("raw.yaml", BROKEN.getBytes(StandardCharsets.UTF_8));
        return compiler.validateDocuments(docs, CompileRequest.of(new FileSystemTree(dir), RuleTester.TODAY), new Diagnostics())
                .diagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** picocli's own jar is Java 5 bytecode, which class-data sharing skips; the build compiles it from source. */
    @Test
    void picocliIsCompiledForJava17() throws IOException {
        try (InputStream in = picocli.CommandLine.class.getResourceAsStream("CommandLine.class")) {
            assertFalse(in == null);
            DataInputStream data = new DataInputStream(in);
            assertEquals(0xCAFEBABE, data.readInt());
            data.readUnsignedShort();
            assertEquals(61, data.readUnsignedShort(), "class file major version of picocli.CommandLine");
        }
    }
}
