package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.flinkops.compiler.cache.ResultCache;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cache hit gives exactly what a clean run gives; any change to an input is a miss for what it touches. */
class CacheTest {
    @TempDir
    Path dir;

    private final Compiler compiler = new Compiler();

    private CompileResult compile(TestRepo repo, ResultCache cache) {
        return compiler.compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY), cache);
    }

    private static void assertSame(CompileResult clean, CompileResult cached) {
        assertEquals(clean.diagnostics(), cached.diagnostics());
        assertEquals(clean.environments().size(), cached.environments().size());
        for (int i = 0; i < clean.environments().size(); i++) {
            EnvironmentResult a = clean.environments().get(i);
            EnvironmentResult b = cached.environments().get(i);
            assertEquals(a.name(), b.name());
            assertEquals(a.files().keySet(), b.files().keySet());
            a.files().forEach((k, v) -> assertArrayEquals(v, b.files().get(k), k));
            assertEquals(a.judged().stream().map(o -> o.root() + "/" + o.id()).toList(), b.judged().stream().map(o -> o.root() + "/" + o.id()).toList());
            assertEquals(a.usedExceptions(), b.usedExceptions());
        }
    }

    private static List<String> hits(CompileResult r) {
        return r.environments().stream().filter(e -> e.environment() == null).map(EnvironmentResult::name).toList();
    }

    @Test
    void hitsEqualACleanRunAndChangesMissOnlyWhatTheyTouch() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.edit("environments/dev/state-machine.yaml", "flink:1.17.2-scala_2.12-java11", "flink:latest");
        ResultCache cache = new ResultCache(dir.resolve("cache"));
        CompileResult first = compile(repo, cache);
        assertEquals(List.of(), hits(first));
        CompileResult second = compile(repo, cache);
        assertEquals(List.of("dev", "prod", "staging"), hits(second));
        assertSame(compile(repo, null), second);

        repo.edit("environments/staging/state-machine.yaml", "parallelism: 2", "parallelism: 0");
        CompileResult afterJobChange = compile(repo, cache);
        assertEquals(List.of("dev", "prod"), hits(afterJobChange));
        assertSame(compile(repo, null), afterJobChange);

        repo.file("policies/production.yaml", repo.read("policies/production.yaml") + "\n# a comment is a change too\n");
        assertEquals(List.of(), hits(compile(repo, cache)));

        repo.edit("overlays/prod/analytics/resources/resourcequota.yaml", "\"32\"", "\"48\"");
        assertEquals(List.of("dev", "staging"), hits(compile(repo, cache)));
    }

    @Test
    void optionsAndDamageMiss() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        ResultCache cache = new ResultCache(dir.resolve("cache"));
        compile(repo, cache);
        CompileResult otherDay = compiler.compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY.plusDays(1)), cache);
        assertEquals(List.of(), hits(otherDay));
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            for (Path p : entries.toList()) {
                Files.writeString(p, "{ damaged");
            }
        }
        CompileResult afterDamage = compile(repo, cache);
        assertEquals(List.of(), hits(afterDamage));
        assertSame(compile(repo, null), afterDamage);
        assertNotNull(afterDamage.environments().get(0).environment());
        assertNull(compile(repo, cache).environments().get(0).environment());
    }

    /** An entry that still reads as JSON but is not what was stored (one letter of an output file changed) is a miss. */
    @Test
    void anEntryChangedSinceItWasStoredIsAMissNotOutput() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        ResultCache cache = new ResultCache(dir.resolve("cache"));
        compile(repo, cache);
        try (Stream<Path> entries = Files.list(dir.resolve("cache"))) {
            for (Path p : entries.filter(e -> e.getFileName().toString().endsWith(".files.json")).toList()) {
                String text = Files.readString(p);
                int at = text.indexOf("\":\"") + 10; // inside the first file's base64
                char flipped = text.charAt(at) == 'A' ? 'B' : 'A';
                Files.writeString(p, text.substring(0, at) + flipped + text.substring(at + 1));
            }
        }
        CompileResult afterChange = compile(repo, cache);
        assertEquals(List.of(), hits(afterChange));
        assertSame(compile(repo, null), afterChange);
    }

    @Test
    void aValidationStoresFindingsOnlyAndABuildAfterItGivesTheCleanOutput() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        ResultCache cache = new ResultCache(dir.resolve("cache"));
        CompileRequest request = CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY);
        CompileResult validated = compiler.compile(request, cache, Compiler.Output.FINDINGS_ONLY);
        assertEquals(List.of(), hits(validated));
        validated.environments().forEach(e -> assertEquals(0, e.files().size(), e.name()));
        // findings only: a second validation hits, a build misses (it needs the files) and then stores them
        CompileResult again = compiler.compile(request, cache, Compiler.Output.FINDINGS_ONLY);
        assertEquals(List.of("dev", "prod", "staging"), hits(again));
        assertEquals(compile(repo, null).diagnostics(), again.diagnostics());
        CompileResult built = compile(repo, cache);
        assertEquals(List.of(), hits(built));
        assertSame(compile(repo, null), built);
        CompileResult rebuilt = compile(repo, cache);
        assertEquals(List.of("dev", "prod", "staging"), hits(rebuilt));
        assertSame(compile(repo, null), rebuilt);
    }
}
