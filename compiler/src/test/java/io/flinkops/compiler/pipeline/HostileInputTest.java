package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.TestRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file of the hostile corpus (src/test/resources/hostile), placed among the sample specs (or, from
 * its environment/ folder, in place of the sample environment.yaml), gets the exit code and the one
 * line that expected.txt lists, and nothing escapes as an exception.
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
        for (Path c : cases(CORPUS)) {
            String name = c.getFileName().toString();
            Path placed = repo.root().resolve("environments/dev/" + name);
            Files.copy(c, placed);
            actual.add(name + " | " + outcome(repo, "environments/dev/" + name));
            Files.delete(placed);
        }
        Path environment = repo.root().resolve("environments/dev/environment.yaml");
        byte[] sample = Files.readAllBytes(environment);
        for (Path c : cases(CORPUS.resolve("environment"))) {
            Files.copy(c, environment, StandardCopyOption.REPLACE_EXISTING);
            actual.add("environment/" + c.getFileName() + " | " + outcome(repo, "environments/dev/environment.yaml"));
        }
        Files.write(environment, sample);
        List<String> header = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream().filter(l -> l.startsWith("#")).toList();
        if (Boolean.getBoolean("flinkops.updateHostile")) {
            List<String> all = new ArrayList<>(header);
            all.addAll(actual);
            Files.write(EXPECTED, all, StandardCharsets.UTF_8);
        }
        List<String> expected = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        assertEquals(String.join("\n", expected), String.join("\n", actual));
    }

    private static List<Path> cases(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }

    /** The exit code and the first line about {@code file} ("accepted" when there is none). */
    private static String outcome(TestRepo repo, String file) {
        Cli.Result r = Cli.run(repo.root(), "validate");
        String line = r.out().lines().filter(l -> l.startsWith(file + ":")).findFirst()
                .orElse(r.err().lines().filter(l -> l.startsWith("flinkops:")).findFirst().orElse("accepted"));
        return r.code() + " | " + line;
    }
}
