package io.flinkops.compiler.emit;

import io.flinkops.compiler.diagnostic.InputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;

/**
 * Writes the environments of one build so that the output is always the old trees or the new ones,
 * across all environments: each new tree is staged in a temporary sibling; once every one is
 * complete, a swap journal is written and the trees are swapped in by renames. A run killed during
 * the swap is rolled forward by the next run (the journal says every staged tree was complete); a
 * run killed before it leaves staged trees that the next run deletes. Every folder carries a
 * manifest of the files flinkops wrote, and a folder holding anything else is never touched. Runs
 * writing one folder take turns (its {@link #LOCK} file), as a second run would otherwise delete the
 * trees the first is still staging.
 */
public final class AtomicOutput {
    public static final String MANIFEST = ".flinkops-manifest";
    static final String JOURNAL = ".flinkops-swap";
    /** Held by the run writing the folder (an empty file, kept: deleting it would let two runs lock two files). */
    public static final String LOCK = ".flinkops-lock";
    /** Marks a temporary tree as flinkops' own while it is being staged (the manifest comes last). */
    private static final String STAGING = ".flinkops-staging";
    private static final String TMP = ".tmp-";
    private static final String OLD = ".old-";
    /** One writer per output folder at a time: a lock within this process, then the folder's lock file. */
    private static final Map<Path, ReentrantLock> WRITERS = new ConcurrentHashMap<>();

    private AtomicOutput() {}

    /** Hook for tests: called between steps so a failure (or a kill) can be injected anywhere. */
    public interface Checkpoint {
        Checkpoint NONE = step -> {};

        void reached(String step) throws IOException;
    }

    /** Writes each environment's files (keys start with the environment's name and a slash). */
    public static void write(Path outDir, Map<String, SortedMap<String, byte[]>> environments) {
        write(outDir, environments, Checkpoint.NONE);
    }

    public static void write(Path out, Map<String, SortedMap<String, byte[]>> environments, Checkpoint checkpoint) {
        // "--out ." or "a/../b": staged paths are compared with the folder, so it must be in its plain form
        Path outDir = out.toAbsolutePath().normalize();
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw failure(outDir, e);
        }
        // a second run would take the first one's trees, still being staged, for a killed run's leftovers
        ReentrantLock inThisProcess = WRITERS.computeIfAbsent(outDir, d -> new ReentrantLock());
        inThisProcess.lock();
        try (FileChannel channel = FileChannel.open(outDir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock acrossProcesses = channel.lock()) {
            writeLocked(outDir, environments, checkpoint);
        } catch (IOException e) {
            throw failure(outDir, e);
        } finally {
            inThisProcess.unlock();
        }
    }

    private static void writeLocked(Path outDir, Map<String, SortedMap<String, byte[]>> environments, Checkpoint checkpoint) {
        Set<String> names = new TreeSet<>(environments.keySet());
        try {
            recover(outDir);
            for (String env : names) {
                checkOwned(outDir.resolve(env));
            }
            for (String env : names) {
                stage(outDir.resolve(TMP + env), env, environments.get(env), checkpoint);
            }
            checkpoint.reached("staged");
        } catch (IOException | RuntimeException e) {
            // nothing visible has changed yet: drop what was staged
            for (String env : names) {
                try {
                    deleteStaged(outDir.resolve(TMP + env));
                } catch (IOException | RuntimeException ignored) {
                    // the next run's recover() deletes it
                }
            }
            throw failure(outDir, e);
        }
        try {
            writeJournal(outDir, names);
            checkpoint.reached("journal");
            swap(outDir, names, checkpoint);
            Files.delete(outDir.resolve(JOURNAL));
            checkpoint.reached("committed");
            for (String env : names) {
                deleteOwned(outDir.resolve(OLD + env), false);
            }
        } catch (IOException | RuntimeException e) {
            // every staged tree is complete: finish the swap now rather than leave a mix
            try {
                recover(outDir);
            } catch (IOException | RuntimeException ignored) {
                // the journal stays, and the next run finishes the swap
            }
            throw failure(outDir, e);
        }
    }

    private static RuntimeException failure(Path outDir, Exception e) {
        if (e instanceof FileAlreadyExistsException exists) {
            return new UncheckedIOException("writing " + outDir + " failed: " + exists.getFile() + " is a file where a folder must go", exists);
        }
        if (e instanceof IOException io) {
            return new UncheckedIOException("writing " + outDir + " failed: " + io.getClass().getSimpleName() + ": " + io.getMessage(), io);
        }
        return (RuntimeException) e;
    }

    /** Writes one environment's tree and its manifest into {@code tmp}. */
    private static void stage(Path tmp, String env, SortedMap<String, byte[]> files, Checkpoint checkpoint) throws IOException {
        deleteStaged(tmp);
        Files.createDirectories(tmp);
        Files.writeString(tmp.resolve(STAGING), "", StandardCharsets.UTF_8);
        Set<Path> folders = new HashSet<>();
        StringBuilder manifest = new StringBuilder();
        // One file after the other: writing in parallel measured no faster (the work is the kernel's),
        // and a failed parallel write returns while sibling writes still run beside the clean-up.
        for (var e : files.entrySet()) {
            if (!e.getKey().startsWith(env + "/")) {
                throw new InputException("refusing to write " + e.getKey() + " into environment " + env);
            }
            String rel = e.getKey().substring(env.length() + 1);
            Path file = tmp.resolve(rel).normalize();
            if (!file.startsWith(tmp) || file.equals(tmp)) {
                throw new InputException("refusing to write outside the output folder: " + e.getKey());
            }
            if (folders.add(file.getParent())) {
                Files.createDirectories(file.getParent());
            }
            Files.write(file, e.getValue());
            manifest.append(rel).append('\n');
            checkpoint.reached("file:" + e.getKey());
        }
        Files.writeString(tmp.resolve(MANIFEST), manifest.toString(), StandardCharsets.UTF_8);
        Files.delete(tmp.resolve(STAGING));
    }

    private static void writeJournal(Path outDir, Set<String> names) throws IOException {
        Path partial = outDir.resolve(JOURNAL + ".partial");
        Files.writeString(partial, String.join("\n", names) + "\n", StandardCharsets.UTF_8);
        move(partial, outDir.resolve(JOURNAL));
    }

    private static void swap(Path outDir, Set<String> names, Checkpoint checkpoint) throws IOException {
        for (String env : names) {
            Path target = outDir.resolve(env);
            if (Files.exists(target)) {
                move(target, outDir.resolve(OLD + env));
                checkpoint.reached("old-moved:" + env);
            }
            move(outDir.resolve(TMP + env), target);
            checkpoint.reached("swapped:" + env);
        }
    }

    /**
     * Finishes what a killed or failed run left: with a journal, every staged tree was complete, so
     * the swap is finished; without one, staged trees are incomplete and deleted, and trees moved
     * aside are either put back (no new tree in place) or deleted.
     */
    static void recover(Path outDir) throws IOException {
        Path journal = outDir.resolve(JOURNAL);
        Files.deleteIfExists(outDir.resolve(JOURNAL + ".partial"));
        if (Files.exists(journal)) {
            for (String env : Files.readAllLines(journal, StandardCharsets.UTF_8)) {
                if (env.isBlank() || env.contains("/") || env.contains("\\") || env.startsWith(".")) {
                    continue;
                }
                Path target = outDir.resolve(env);
                Path tmp = outDir.resolve(TMP + env);
                Path old = outDir.resolve(OLD + env);
                if (Files.exists(tmp)) {
                    if (Files.exists(target) && !Files.exists(old)) {
                        move(target, old);
                    }
                    if (!Files.exists(target)) {
                        move(tmp, target);
                    }
                }
            }
            Files.delete(journal);
        }
        List<Path> leftovers = new ArrayList<>();
        try (Stream<Path> list = Files.list(outDir)) {
            list.filter(p -> {
                String n = p.getFileName().toString();
                return (n.startsWith(TMP) || n.startsWith(OLD)) && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
            }).sorted().forEach(leftovers::add);
        }
        for (Path p : leftovers) {
            String n = p.getFileName().toString();
            if (n.startsWith(TMP)) {
                deleteStaged(p);
            } else {
                Path target = outDir.resolve(n.substring(OLD.length()));
                if (Files.exists(target)) {
                    deleteOwned(p, false);
                } else {
                    move(p, target);
                }
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
        if (Files.isSymbolicLink(dir)) {
            // swapping a new tree in would replace the link; following it would write (and delete) where it leads
            throw new InputException("output folder " + dir + " is a symbolic link (to " + Files.readSymbolicLink(dir)
                    + "), which flinkops did not write; remove the link or choose another --out");
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

    /** Deletes a temporary tree: whole while its staging marker is there, else only if its manifest lists everything in it. */
    private static void deleteStaged(Path tmp) throws IOException {
        deleteOwned(tmp, Files.exists(tmp.resolve(STAGING)));
    }

    /** Deletes a folder flinkops wrote; {@code staging} marks a temporary tree still being written (no manifest yet). */
    private static void deleteOwned(Path dir, boolean staging) throws IOException {
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!staging) {
            Set<String> foreign = foreignFiles(dir);
            if (!foreign.isEmpty()) {
                throw new InputException("folder " + dir + " holds files flinkops did not write; not deleting it");
            }
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
