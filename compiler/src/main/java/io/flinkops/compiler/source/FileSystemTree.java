package io.flinkops.compiler.source;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The working tree of a repository. Paths never leave the root: a symbolic link that points outside
 * it, or a path with {@code ..}, is refused.
 */
public final class FileSystemTree implements SourceTree {
    private final Path root;
    private final Path realRoot;

    public FileSystemTree(Path root) {
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
        List<String> out = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(base)) {
            walk.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p)).forEach(p -> {
                String rel = root.relativize(p).toString().replace('\\', '/');
                checkInside(rel, p);
                if (Files.isRegularFile(p)) {
                    out.add(rel);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(String::compareTo);
        return out;
    }

    @Override
    public Optional<byte[]> read(String path) {
        Path p = resolveInside(path);
        if (!Files.isRegularFile(p)) {
            return Optional.empty();
        }
        checkInside(path, p);
        try {
            return Optional.of(Files.readAllBytes(p));
        } catch (IOException e) {
            throw new InputException(SourceLocation.start(path), "cannot read file: " + e.getMessage());
        }
    }

    private Path resolveInside(String rel) {
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
