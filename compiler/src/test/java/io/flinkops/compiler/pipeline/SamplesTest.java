package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample environments build clean, and their output matches the golden tree under
 * src/test/resources/golden/samples (regenerate with -Dflinkops.updateGolden=true and review the diff).
 */
class SamplesTest {
    static final Path GOLDEN = Fixtures.repoRoot().resolve("compiler/src/test/resources/golden/samples");

    @TempDir
    Path dir;

    @Test
    void samplesBuildCleanAndMatchTheGoldenTree() throws IOException {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        Cli.Result result = Cli.run(repo.root(), "build", "--out", "out");
        assertEquals(0, result.code(), result.out() + result.err());
        assertTrue(result.out().startsWith("0 errors, 0 warnings"), result.out());
        Map<String, String> actual = tree(repo.root().resolve("out"));
        if (Boolean.getBoolean("flinkops.updateGolden")) {
            write(GOLDEN, actual);
        }
        assertEquals(tree(GOLDEN).keySet(), actual.keySet());
        for (var e : actual.entrySet()) {
            assertEquals(tree(GOLDEN).get(e.getKey()), e.getValue(), e.getKey());
        }
    }

    static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        if (!Files.isDirectory(root)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isRegularFile(p)) {
                    out.put(root.relativize(p).toString().replace('\\', '/'), Files.readString(p, StandardCharsets.UTF_8));
                }
            }
        }
        return out;
    }

    private static void write(Path root, Map<String, String> files) throws IOException {
        if (Files.isDirectory(root)) {
            try (Stream<Path> walk = Files.walk(root)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        for (var e : files.entrySet()) {
            Path p = root.resolve(e.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, e.getValue(), StandardCharsets.UTF_8);
        }
    }
}
