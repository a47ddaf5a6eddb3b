package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile corpus (src/test/resources/hostile), placed among the sample specs, gets
 * the exit code and the one line that expected.txt lists, and nothing escapes as an exception.
 */
class HostileInputTest {
    static final Path CORPUS = Fixtures.repoRoot().resolve("compiler/src/test/resources/hostile");
    static final Path EXPECTED = CORPUS.resolve("expected.txt");

    @TempDir
    Path dir;

    @Test
    void eachHostileFileGetsItsExitCodeAndOneLine() throws IOException {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        List<String> actual = new ArrayList<>();
        List<Path> cases;
        try (Stream<Path> files = Files.list(CORPUS)) {
            cases = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        for (Path c : cases) {
            String name = c.getFileName().toString();
            Path placed = repo.root().resolve("environments/dev/" + name);
            Files.copy(c, placed);
            Cli.Result r = Cli.run(repo.root(), "validate");
            Files.delete(placed);
            String line = r.out().lines().filter(l -> l.startsWith("environments/dev/" + name + ":")).findFirst().orElse("accepted");
            actual.add(name + " | " + r.code() + " | " + line);
        }
        List<String> header = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("#")).toList();
        if (Boolean.getBoolean("flinkops.updateHostile")) {
            List<String> all = new ArrayList<>(header);
            all.addAll(actual);
            Files.write(EXPECTED, all, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }
}
