package io.flinkops.compiler.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A repository laid out in a temporary folder: environments, policies, overlays. */
public final class TestRepo {
    private final Path root;

    public TestRepo(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public TestRepo file(String path, String content) {
        try {
            Path p = root.resolve(path);
            Files.createDirectories(p.getParent());
            Files.writeString(p, content, StandardCharsets.UTF_8);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TestRepo delete(String path) {
        try {
            Files.delete(root.resolve(path));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces {@code from} with {@code to} in a file; a {@code from} the file does not hold fails the test. */
    public TestRepo edit(String path, String from, String to) {
        String content = read(path);
        if (!content.contains(from)) {
            throw new AssertionError(path + " does not hold " + from);
        }
        return file(path, content.replace(from, to));
    }

    public String read(String path) {
        try {
            return Files.readString(root.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies the repository's own sample environments and policies (the samples must always pass). */
    public TestRepo withSamples() {
        Path source = Fixtures.repoRoot();
        for (String dir : new String[] {"environments", "policies", "overlays"}) {
            copy(source.resolve(dir), root.resolve(dir));
        }
        return this;
    }

    private static void copy(Path from, Path to) {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (var walk = Files.walk(from)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
