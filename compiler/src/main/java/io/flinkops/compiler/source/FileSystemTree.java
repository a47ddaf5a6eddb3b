package io.flinkops.compiler.source;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import io.flinkops.compiler.yaml.YamlLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The working tree of a repository. Paths never leave the root: a symbolic link that points outside
 * it, or a path with {@code ..}, is refused.
 */
public final class FileSystemTree implements SourceTree {
    private static final long RACY_MILLIS = 2000;
    private final Path root;
    private final Path realRoot;
    private final long racyMillis;
    private final Map<Path, Boolean> insideFolders = new ConcurrentHashMap<>();
    private final FolderLinks folderLinks = new FolderLinks();

    public FileSystemTree(Path root) {
        this(root, RACY_MILLIS);
    }

    /** With files changed in the last {@code racyMillis} given no {@link #stamp} (see there; tests take 0). */
    public FileSystemTree(Path root, long racyMillis) {
        this.racyMillis = racyMillis;
        this.root = root.toAbsolutePath().normalize();
        try {
            this.realRoot = this.root.toRealPath();
        } catch (IOException e) {
            throw new InputException("repository folder " + root + " cannot be read: " + e.getMessage());
        }
    }

    public Path root() {
        return root;
    }

    @Override
    public List<String> list(String dir) {
        Path base = resolveInside(dir);
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        checkInside(dir, base);
        List<String> out = new ArrayList<>();
        List<String> links = new ArrayList<>();
        try {
            // The walk does not follow links: a regular file it meets lies inside; only links need resolving.
            Files.walkFileTree(base, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path p, BasicFileAttributes attrs) {
                    String rel = relative(p);
                    if (!readsBack(rel, p)) {
                        if (SourceTree.isYaml(rel)) {
                            throw new InputException(SourceLocation.start(rel), "file name is not UTF-8 text (as Git and kubectl "
                                    + "expect) in this locale (" + System.getProperty("sun.jnu.encoding")
                                    + "): rename the file, or run with a UTF-8 locale");
                        }
                        return FileVisitResult.CONTINUE; // not flinkops' to read, whatever its name
                    }
                    if (attrs.isSymbolicLink()) {
                        checkInside(rel, p);
                        if (Files.isRegularFile(p)) {
                            out.add(rel);
                        } else if (Files.isDirectory(p)) {
                            links.add(rel);
                        } else if (SourceTree.isYaml(rel)) {
                            throw notRegular(rel);
                        }
                    } else if (attrs.isRegularFile()) {
                        out.add(rel);
                    } else if (attrs.isOther() && SourceTree.isYaml(rel)) {
                        throw notRegular(rel);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path p, IOException e) {
                    // a folder that cannot be opened, or a path past what the system can name (PATH_MAX)
                    String why = e instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason() : e.toString();
                    throw new InputException(SourceLocation.start(relative(p)), "cannot be read: " + why);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(String::compareTo);
        folderLinks.found(dir, links);
        return out;
    }

    @Override
    public List<String> folderLinks(String dir) {
        return folderLinks.of(dir, this::list);
    }

    /**
     * A pipe, socket or device named like a spec, in a folder flinkops reads: passing it over would
     * leave a spec its author meant unread, reading it could wait for a writer forever. Git holds none.
     */
    private static InputException notRegular(String path) {
        return new InputException(SourceLocation.start(path), "not a regular file (a pipe, device or socket)");
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path p = resolveInside(path);
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (attrs.isSymbolicLink()) {
            checkInside(path, p);
            if (!Files.isRegularFile(p)) {
                return Optional.empty();
            }
        } else if (!attrs.isRegularFile()) {
            return Optional.empty();
        } else if (p.getParent() != null && !folderInside(p.getParent())) {
            // a folder on the way is a link that leaves the repository
            checkInside(path, p);
        }
        try {
            return Optional.of(readFile(p, path, YamlLimits.DEFAULT));
        } catch (IOException e) {
            throw new InputException(SourceLocation.start(path), "cannot read file: " + e.getMessage());
        }
    }

    /**
     * A regular file's size, modification and change times (nanoseconds) and device and inode. Any
     * write changes the change time, which no tool can set back (unlike the modification time, which
     * {@code touch -d} or {@code rsync -t} can); a link has none (its target may change alone). Nor has
     * a file changed in the last two seconds: the file system's clock ticks coarsely, and a second
     * change within the same tick would leave the times as they were (Git's "racily clean" entries).
     */
    @Override
    public Optional<String> stamp(String path) {
        return stampOf(path, 0100000, false);
    }

    /**
     * A folder's stamp: its size, times, device and inode, which change whenever an entry is added,
     * removed or renamed in it, but not when a file in it is written. Only for a folder that holds no
     * folder (its link count is 2), as entries below a subfolder change no time of the folder's.
     */
    @Override
    public Optional<String> folderStamp(String dir) {
        return stampOf(dir, 0040000, true);
    }

    private Optional<String> stampOf(String path, int type, boolean flat) {
        try {
            Map<String, Object> a = Files.readAttributes(resolveInside(path),
                    "unix:mode,size,lastModifiedTime,ctime,dev,ino,nlink", LinkOption.NOFOLLOW_LINKS);
            if ((((Integer) a.get("mode")) & 0170000) != type || flat && ((Integer) a.get("nlink")) != 2) {
                return Optional.empty(); // not a regular file (or a folder without folders in it)
            }
            long modified = ((FileTime) a.get("lastModifiedTime")).to(TimeUnit.NANOSECONDS);
            long changed = ((FileTime) a.get("ctime")).to(TimeUnit.NANOSECONDS);
            if (racyMillis > 0 && Math.max(modified, changed) > TimeUnit.MILLISECONDS.toNanos(System.currentTimeMillis() - racyMillis)) {
                return Optional.empty();
            }
            return Optional.of(a.get("size") + ":" + modified + ":" + changed + ":" + a.get("dev") + ":" + a.get("ino"));
        } catch (IOException | UnsupportedOperationException noStamp) {
            // The file is gone meanwhile (IOException), or the file system has no "unix" attribute view
            // (Windows). Not a failure: a stamp only spares a read, so the caller reads the content and
            // compares that instead.
            return Optional.empty();
        }
    }

    /**
     * Reads a whole input file, refusing one over the size limit before reading it (a 3 GB file would
     * not fit in an array, a 500 MB one would fill the heap), and anything but a regular file (a named
     * pipe would block the run, /dev/zero would never end). Every file flinkops reads goes through here.
     */
    public static byte[] readFile(Path file, String name, YamlLimits limits) throws IOException {
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class); // one stat for both questions
        if (!attrs.isRegularFile()) {
            throw notRegular(name);
        }
        long size = attrs.size();
        if (size > limits.maxBytes()) {
            throw limits.tooLarge(name, size);
        }
        return Files.readAllBytes(file);
    }

    /** Whether a folder resolves inside the repository; resolved once per folder, as thousands of files share a few. */
    private boolean folderInside(Path folder) {
        return insideFolders.computeIfAbsent(folder, f -> {
            try {
                return f.toRealPath().startsWith(realRoot);
            } catch (IOException e) {
                return false;
            }
        });
    }

    /** A path below the root, relative to it with forward slashes (cheaper than Path.relativize for a walk's thousands). */
    private String relative(Path p) {
        String full = p.toString();
        String prefix = root.toString();
        if (!full.startsWith(prefix)) {
            return root.relativize(p).toString().replace('\\', '/');
        }
        int cut = prefix.endsWith(p.getFileSystem().getSeparator()) ? prefix.length() : prefix.length() + 1;
        return full.substring(cut).replace('\\', '/');
    }

    /**
     * A relative path in the form listings give (no ".", "..", empty segment, drive or backslash), which
     * stays inside the root as it is and needs no normalization: reading or stamping a thousand files
     * cold spends a third less without it.
     */
    private static boolean plain(String rel) {
        return !rel.isEmpty() && rel.charAt(0) != '/' && !rel.startsWith("./") && !rel.contains("/./") && !rel.contains("..")
                && !rel.contains("//") && rel.indexOf(':') < 0 && rel.indexOf('\\') < 0 && !rel.endsWith("/.");
    }

    /**
     * Whether the name, as text, names the same file again: one whose bytes are not UTF-8 (or not in
     * the locale's character set, as in the C locale of many CI containers, which the launcher avoids)
     * reads back as another name or none, and a YAML file so named is refused where it is instead of
     * being reported as vanished, or failing inside the JDK.
     */
    private boolean readsBack(String rel, Path p) {
        for (int i = 0; i < rel.length(); i++) {
            if (rel.charAt(i) >= 0x80) {
                try {
                    return root.resolve(rel).equals(p);
                } catch (InvalidPathException e) {
                    return false;
                }
            }
        }
        return true;
    }

    private Path resolveInside(String rel) {
        try {
            return resolveInsideUnchecked(rel);
        } catch (InvalidPathException e) {
            throw new InputException(SourceLocation.start(rel), "not a file name this system can hold (" + e.getReason() + ")");
        }
    }

    private Path resolveInsideUnchecked(String rel) {
        if (plain(rel)) {
            return root.resolve(rel);
        }
        if (rel.contains("..") && Path.of(rel).normalize().startsWith("..") || Path.of(rel).isAbsolute()) {
            throw new InputException(SourceLocation.start(rel), "path leaves the repository");
        }
        return root.resolve(rel).normalize();
    }

    private void checkInside(String rel, Path p) {
        try {
            if (Files.isSymbolicLink(p) || Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                Path real = p.toRealPath();
                if (!real.startsWith(realRoot)) {
                    throw new InputException(SourceLocation.start(rel),
                            "symbolic link points outside the repository (to " + real + ")");
                }
            }
        } catch (IOException e) {
            throw new InputException(SourceLocation.start(rel), "broken symbolic link: " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return root.toString();
    }

    @Override
    public Optional<String> commit() {
        return Optional.empty();
    }
}
