package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the sample specs (deleted and duplicated lines, inserted YAML tokens, swapped value types,
 * truncation) a few thousand times: no exception may escape, and every finding must have a location.
 */
class FuzzTest {
    private static final String[] TOKENS = {": ", "- ", "{", "}", "[", "]", "&a ", "*a", "\t", "0x1F", "~", "[1, 2]", "!!str ",
        "'", "\"", "<<: *a", "---", "? ", "%YAML 1.1", "\u0000", "\u00e9", "null", "yes", "-1", "1e400", "9223372036854775808"};
    private static final String[] VALUES = {"", "0", "-7", "1.5", "true", "null", "[]", "{}", "[a, b]", "{a: 1}", "\"quoted\"",
        "v1_99", "s3://other/x", "${VAR}", "very-long-" + "x".repeat(300), "|\n  block", "2Gi", "latest", "*undefined"};
    private static final String[] FILES = {
        "environments/dev/environment.yaml", "environments/dev/state-machine.yaml", "environments/dev/session-cluster.yaml",
        "environments/dev/top-speed-windowing.yaml", "environments/dev/clickstream-sessionizer.yaml", "policies/baseline.yaml"};

    @TempDir
    Path dir;

    @Test
    void mutatedSpecsNeverCrash() {
        TestRepo repo = new TestRepo(dir).withSamples();
        List<String> originals = new ArrayList<>();
        for (String f : FILES) {
            originals.add(repo.read(f));
        }
        Compiler compiler = new Compiler();
        Random random = new Random(20261123L);
        int iterations = 2000;
        int[] codes = new int[3];
        for (int i = 0; i < iterations; i++) {
            int which = random.nextInt(FILES.length);
            String mutated = mutate(originals.get(which), random);
            repo.file(FILES[which], mutated);
            try {
                CompileResult result = compiler.compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY).withEnvironment("dev"));
                for (Diagnostic d : result.diagnostics()) {
                    assertTrue(d.location().line() >= 1 && d.location().column() >= 1 && !d.location().file().isEmpty(),
                            "finding without a location: " + d);
                }
                codes[result.hasUnreadableInput() ? 2 : result.hasErrors() ? 1 : 0]++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " on " + FILES[which] + " threw " + e + "\n--- input ---\n" + mutated, e);
            } finally {
                repo.file(FILES[which], originals.get(which));
            }
        }
        assertTrue(codes[0] > 0 && codes[1] > 0 && codes[2] > 0, "the mutations should reach every exit code: " + Arrays.toString(codes));
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> {
                    String line = lines.get(at);
                    int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + TOKENS[random.nextInt(TOKENS.length)] + line.substring(pos));
                }
                case 3 -> {
                    String line = lines.get(at);
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                case 4 -> lines.set(at, "  ".repeat(random.nextInt(4)) + lines.get(at).stripLeading());
                default -> {
                    while (lines.size() > at + 1) {
                        lines.remove(lines.size() - 1);
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
