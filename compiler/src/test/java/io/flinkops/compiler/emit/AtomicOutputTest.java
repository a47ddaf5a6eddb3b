package io.flinkops.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A build that fails at any step leaves the old tree (or, once swapped, the new one), never a mix. */
class AtomicOutputTest {
    @TempDir
    Path dir;

    private static SortedMap<String, byte[]> tree(String version, int files) {
        SortedMap<String, byte[]> t = new TreeMap<>();
        for (int i = 0; i < files; i++) {
            t.put("dev/root" + (i % 3) + "/file" + i + ".yaml", (version + " " + i + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return t;
    }

    private Map<String, String> read(Path env) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(env)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(p) && !p.getFileName().toString().equals(AtomicOutput.MANIFEST)) {
                    out.put("dev/" + env.relativize(p).toString().replace('\\', '/'), Files.readString(p));
                }
            }
        }
        return out;
    }

    private static Map<String, String> text(SortedMap<String, byte[]> t) {
        Map<String, String> out = new TreeMap<>();
        t.forEach((k, v) -> out.put(k, new String(v, StandardCharsets.UTF_8)));
        return out;
    }

    /** Two environments, so that a half-done swap would show as a mix. */
    private static Map<String, SortedMap<String, byte[]>> build(String version, int files) {
        Map<String, SortedMap<String, byte[]>> out = new TreeMap<>();
        for (String env : List.of("dev", "prod")) {
            SortedMap<String, byte[]> t = new TreeMap<>();
            tree(version, files).forEach((k, v) -> t.put(env + k.substring(3), v));
            out.put(env, t);
        }
        return out;
    }

    private Map<String, String> readAll(Path out) throws IOException {
        Map<String, String> all = new TreeMap<>();
        for (String env : List.of("dev", "prod")) {
            if (Files.exists(out.resolve(env))) {
                read(out.resolve(env)).forEach((k, v) -> all.put(env + k.substring(3), v));
            }
        }
        return all;
    }

    private static Map<String, String> text(Map<String, SortedMap<String, byte[]>> build) {
        Map<String, String> out = new TreeMap<>();
        build.values().forEach(t -> out.putAll(text(t)));
        return out;
    }

    /** What a kill does to a run: it stops where it is, and nothing of the run cleans up. */
    private static final class Killed extends Error {
        Killed(String step) {
            super("killed at " + step);
        }
    }

    private static final List<String> STEPS = List.of("file:dev/root0/file0.yaml", "file:dev/root1/file7.yaml",
            "file:prod/root2/file11.yaml", "staged", "journal", "old-moved:dev", "swapped:dev", "old-moved:prod",
            "swapped:prod", "committed");

    private static final Map<String, SortedMap<String, byte[]>> OLD = build("old", 9);
    private static final Map<String, SortedMap<String, byte[]>> NEW = build("new", 12);

    /** Writes the old build, then the new one interrupted at {@code at}; returns the output folder. */
    private Path interrupted(String at, Class<? extends Throwable> expected, Function<String, Throwable> interruption) throws Exception {
        Path out = dir.resolve(expected.getSimpleName() + "-" + at.replace(':', '_').replace('/', '_'));
        AtomicOutput.write(out, OLD);
        assertThrows(expected, () -> AtomicOutput.write(out, NEW, step -> {
            if (step.equals(at)) {
                Throwable t = interruption.apply(step);
                if (t instanceof IOException io) {
                    throw io;
                }
                throw (Error) t;
            }
        }));
        return out;
    }

    /** Old before the swap journal was written, new from then on, and never a mix. */
    private void assertOldOrNew(Path out, String at) throws IOException {
        Map<String, String> now = readAll(out);
        boolean isOld = now.equals(text(OLD));
        boolean isNew = now.equals(text(NEW));
        assertTrue(isOld || isNew, at + " left a mix: " + now.keySet());
        assertEquals(STEPS.indexOf(at) >= STEPS.indexOf("journal"), isNew, at);
    }

    @Test
    void failureAtEveryStepLeavesOldOrNew() throws Exception {
        for (String at : STEPS) {
            Path out = interrupted(at, UncheckedIOException.class, step -> new IOException("injected failure at " + step));
            assertOldOrNew(out, at);
            AtomicOutput.write(out, NEW);
            assertEquals(text(NEW), readAll(out));
            assertLeftNothing(out);
        }
    }

    @Test
    void aRunKilledAtAnyStepIsOldOrNewOnceTheNextRunStarts() throws Exception {
        for (String at : STEPS) {
            Path out = interrupted(at, Killed.class, Killed::new);
            AtomicOutput.recover(out);
            assertOldOrNew(out, at);
            assertLeftNothing(out);
        }
    }

    private static void assertLeftNothing(Path out) throws IOException {
        try (Stream<Path> list = Files.list(out)) {
            assertEquals(List.of(AtomicOutput.LOCK, "dev", "prod"), list.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    /**
     * Two runs writing one folder at once (an editor's build beside a hook's): without turns, the
     * second run's recovery deleted the trees the first was still staging.
     */
    @Test
    void runsWritingOneFolderAtOnceTakeTurns() throws Exception {
        Path out = dir.resolve("together");
        AtomicOutput.write(out, OLD);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Map<String, SortedMap<String, byte[]>> build = i % 2 == 0 ? NEW : OLD;
                runs.add(pool.submit(() -> {
                    AtomicOutput.write(out, build, step -> {
                        if (step.startsWith("file:")) {
                            java.util.concurrent.locks.LockSupport.parkNanos(2_000_000); // a window in which the other run would start
                        }
                    });
                    return null;
                }));
            }
            for (var run : runs) {
                run.get(60, java.util.concurrent.TimeUnit.SECONDS); // none fails
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, String> now = readAll(out);
        assertTrue(now.equals(text(OLD)) || now.equals(text(NEW)), "a mix: " + now.keySet());
        assertLeftNothing(out);
    }

    @Test
    void aKilledSwapIsFinishedByTheNextRun() throws Exception {
        Path out = dir.resolve("killed");
        AtomicOutput.write(out, Map.of("dev", tree("old", 4)));
        // what a kill between the two renames of an older run leaves: the old tree moved aside, no new one
        Files.move(out.resolve("dev"), out.resolve(".old-dev"));
        AtomicOutput.recover(out);
        assertEquals(text(tree("old", 4)), read(out.resolve("dev")));
    }

    @Test
    void aForeignTemporaryFolderIsNeverDeleted() throws Exception {
        Path out = dir.resolve("foreign-tmp");
        AtomicOutput.write(out, Map.of("dev", tree("old", 3)));
        Files.createDirectories(out.resolve(".tmp-notes"));
        Files.writeString(out.resolve(".tmp-notes/mine.txt"), "not flinkops'");
        assertThrows(InputException.class, () -> AtomicOutput.write(out, Map.of("dev", tree("new", 3))));
        assertEquals("not flinkops'", Files.readString(out.resolve(".tmp-notes/mine.txt")));
    }

    @Test
    void deletesOnlyItsOwnFiles() throws Exception {
        Path out = dir.resolve("out");
        AtomicOutput.write(out, Map.of("dev", tree("old", 3)));
        Files.writeString(out.resolve("dev/root0/mine.txt"), "not flinkops'");
        InputException e = assertThrows(InputException.class, () -> AtomicOutput.write(out, Map.of("dev", tree("new", 3))));
        assertTrue(e.getMessage().contains("root0/mine.txt"), e.getMessage());
        assertEquals("not flinkops'", Files.readString(out.resolve("dev/root0/mine.txt")));
        assertEquals("old 0\n", Files.readString(out.resolve("dev/root0/file0.yaml")));
    }

    /** An environment's folder that is a link elsewhere is neither replaced nor written through (nor emptied there). */
    @Test
    void anEnvironmentFolderThatIsALinkIsRefused() throws Exception {
        Path out = dir.resolve("linked");
        AtomicOutput.write(out, Map.of("dev", tree("old", 3)));
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "not flinkops'");
        AtomicOutput.write(elsewhere, Map.of("dev", tree("old", 2))); // even a tree flinkops wrote, once reached by a link
        Files.move(out.resolve("dev"), dir.resolve("moved-away"));
        Files.createSymbolicLink(out.resolve("dev"), elsewhere.resolve("dev"));
        InputException e = assertThrows(InputException.class, () -> AtomicOutput.write(out, Map.of("dev", tree("new", 3))));
        assertEquals("output folder " + out.resolve("dev") + " is a symbolic link (to " + elsewhere.resolve("dev")
                + "), which flinkops did not write; remove the link or choose another --out", e.getMessage());
        assertTrue(Files.isSymbolicLink(out.resolve("dev")));
        assertEquals("old 0\n", Files.readString(elsewhere.resolve("dev/root0/file0.yaml")));
        assertEquals("not flinkops'", Files.readString(elsewhere.resolve("keep.txt")));
    }

    @Test
    void refusesPathsOutsideTheOutput() {
        SortedMap<String, byte[]> evil = new TreeMap<>();
        evil.put("dev/../../escape.yaml", new byte[] {'x'});
        assertThrows(InputException.class, () -> AtomicOutput.write(dir.resolve("out"), Map.of("dev", evil)));
        assertTrue(Files.notExists(dir.resolve("escape.yaml")));
    }
}
