package io.flinkops.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
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

    @Test
    void failureAtEveryStepLeavesOldOrNew() throws Exception {
        SortedMap<String, byte[]> oldTree = tree("old", 9);
        SortedMap<String, byte[]> newTree = tree("new", 12);
        String[] steps = {"file:root0/file0.yaml", "file:root1/file7.yaml", "written", "old-moved", "swapped"};
        for (String failAt : steps) {
            Path out = dir.resolve(failAt.replace(':', '_').replace('/', '_'));
            AtomicOutput.write(out, "dev", oldTree);
            assertThrows(Exception.class, () -> AtomicOutput.write(out, "dev", newTree, step -> {
                if (step.equals(failAt)) {
                    throw new IOException("injected failure at " + step);
                }
            }));
            Map<String, String> now = read(out.resolve("dev"));
            boolean isOld = now.equals(text(oldTree));
            boolean isNew = now.equals(text(newTree));
            assertTrue(isOld || isNew, failAt + " left a mix: " + now.keySet());
            assertEquals(failAt.equals("swapped"), isNew, failAt);
            AtomicOutput.write(out, "dev", newTree);
            assertEquals(text(newTree), read(out.resolve("dev")));
            assertTrue(Files.notExists(out.resolve(".tmp-dev")) && Files.notExists(out.resolve(".old-dev")));
        }
    }

    @Test
    void aKilledSwapIsFinishedByTheNextRun() throws Exception {
        Path out = dir.resolve("killed");
        AtomicOutput.write(out, "dev", tree("old", 4));
        // what a kill between the two renames leaves: the old tree moved aside, the new one not yet in place
        Files.move(out.resolve("dev"), out.resolve(".old-dev"));
        AtomicOutput.recover(out.resolve("dev"), out.resolve(".old-dev"));
        assertEquals(text(tree("old", 4)), read(out.resolve("dev")));
    }

    @Test
    void deletesOnlyItsOwnFiles() throws Exception {
        Path out = dir.resolve("out");
        AtomicOutput.write(out, "dev", tree("old", 3));
        Files.writeString(out.resolve("dev/root0/mine.txt"), "not flinkops'");
        InputException e = assertThrows(InputException.class, () -> AtomicOutput.write(out, "dev", tree("new", 3)));
        assertTrue(e.getMessage().contains("root0/mine.txt"), e.getMessage());
        assertEquals("not flinkops'", Files.readString(out.resolve("dev/root0/mine.txt")));
        assertEquals("old 0\n", Files.readString(out.resolve("dev/root0/file0.yaml")));
    }

    @Test
    void refusesPathsOutsideTheOutput() {
        SortedMap<String, byte[]> evil = new TreeMap<>();
        evil.put("dev/../../escape.yaml", new byte[] {'x'});
        assertThrows(InputException.class, () -> AtomicOutput.write(dir.resolve("out"), "dev", evil));
        assertTrue(Files.notExists(dir.resolve("escape.yaml")));
    }
}
