package io.flinkops.compiler.emit;

import io.flinkops.compiler.diagnostic.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes one environment's output folder so that it is always either the old tree or the new one:
 * files go to a temporary sibling, which replaces the old folder by renames once it is complete.
 * Every folder carries a manifest of the files flinkops wrote; a folder holding anything else is
 * never touched.
 */
public final class AtomicOutput {
    public static final String MANIFEST = ".flinkops-manifest";
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";

    private AtomicOutput() {}

    /** Hook for tests: called between steps so a failure can be injected anywhere. */
    public interface Checkpoint {
        Checkpoint NONE = step -> {};

        void reached(String step) throws IOException;
    }

    public static void write(Path outDir, String environment, SortedMap<String, byte[]> files) {
        write(outDir, environment, files, Checkpoint.NONE);
    }

    public static void write(Path outDir, String environment, SortedMap<String, byte[]> files, Checkpoint checkpoint) {
        Path target = outDir.resolve(environment);
        Path tmp = outDir.resolve(TMP + environment);
        Path old = outDir.resolve(OLD + environment);
        try {
            Files.createDirectories(outDir);
            recover(target, old);
            checkOwned(target);
            if (Files.exists(tmp)) {
                deleteOwned(tmp, true);
            }
            Files.createDirectories(tmp);
            StringBuilder manifest = new StringBuilder();
            for (var e : files.entrySet()) {
                String rel = e.getKey().substring(environment.length() + 1);
                Path file = tmp.resolve(rel).normalize();
                if (!file.startsWith(tmp)) {
                    throw new InputException("refusing to write outside the output folder: " + e.getKey());
                }
                Files.createDirectories(file.getParent());
                Files.write(file, e.getValue());
                manifest.append(rel).append('\n');
                checkpoint.reached("file:" + rel);
            }
            Files.writeString(tmp.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
            checkpoint.reached("written");
            if (Files.exists(target)) {
                move(target, old);
                checkpoint.reached("old-moved");
            }
            move(tmp, target);
            checkpoint.reached("swapped");
            if (Files.exists(old)) {
                deleteOwned(old, false);
            }
        } catch (IOException | RuntimeException e) {
            undo(target, old);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("writing " + target + " failed: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
    }

    /** After a failure between the two renames, puts the previous tree back at once. */
    private static void undo(Path target, Path old) {
        try {
            if (Files.exists(old) && !Files.exists(target)) {
                move(old, target);
            }
        } catch (IOException ignored) {
            // the next run's recover() finishes the job
        }
    }

    /** Finishes or undoes a swap that a killed run left half done. */
    static void recover(Path target, Path old) throws IOException {
        if (Files.exists(old)) {
            if (!Files.exists(target)) {
                move(old, target);
            } else {
                deleteOwned(old, false);
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    private static void checkOwned(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Set<String> foreign = foreignFiles(dir);
        if (!foreign.isEmpty()) {
            throw new InputException("output folder " + dir + " holds files flinkops did not write ("
                    + String.join(", ", foreign.stream().limit(5).toList())
                    + (foreign.size() > 5 ? ", ..." : "") + "); move them away or choose another --out");
        }
    }

    /** Files in {@code dir} that its manifest does not list (everything, when there is no manifest). */
    static Set<String> foreignFiles(Path dir) throws IOException {
        Set<String> listed = new TreeSet<>();
        Path manifest = dir.resolve(MANIFEST);
        if (Files.exists(manifest)) {
            for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    listed.add(line);
                }
            }
        }
        Set<String> foreign = new TreeSet<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    continue;
                }
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(MANIFEST) && !listed.contains(rel)) {
                    foreign.add(rel);
                }
            }
        }
        return foreign;
    }

    /** Deletes a folder flinkops wrote; with {@code partial}, a temporary folder may lack its manifest. */
    private static void deleteOwned(Path dir, boolean partial) throws IOException {
        if (!partial) {
            Set<String> foreign = foreignFiles(dir);
            if (!foreign.isEmpty()) {
                throw new InputException("folder " + dir + " holds files flinkops did not write; not deleting it");
            }
        }
        List<Path> dirs = new ArrayList<>();
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
        dirs.clear();
    }
}
