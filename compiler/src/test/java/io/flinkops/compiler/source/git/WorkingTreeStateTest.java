package io.flinkops.compiler.source.git;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.testing.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.StoredConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkingTreeStateTest {
    private static final String SPEC = "apiVersion: flinkops.io/v1alpha1\nkind: FlinkJob\nmetadata:\n  name: a\n";

    @TempDir
    Path dir;
    GitRepo repo;
    String head;

    @BeforeEach
    void history() throws Exception {
        repo = new GitRepo(dir);
        repo.files().file("environments/dev/environment.yaml", "kind: Environment\n")
                .file("environments/dev/a.yaml", SPEC)
                .file("overlays/dev/team/patches/p.yml", "kind: Patch\n")
                .file("README.md", "readme\n");
        head = repo.commit("specs");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    private Optional<String> state() {
        return WorkingTreeState.cleanHead(dir);
    }

    @Test
    void aFreshCheckoutNamesItsHead() {
        assertEquals(Optional.of(head), state());
    }

    @Test
    void filesTheObjectsAreNotMadeOfDoNotCount() {
        repo.files().file("README.md", "edited\n").file("policies/extra.yaml", "kind: PolicySet\n");
        assertEquals(Optional.of(head), state());
    }

    @Test
    void anEditedSpecOrOverlayCounts() {
        repo.files().file("environments/dev/a.yaml", SPEC + "spec: {}\n");
        assertEquals(Optional.empty(), state());
        repo.files().file("environments/dev/a.yaml", SPEC).file("overlays/dev/team/patches/p.yml", "kind: Other\n");
        assertEquals(Optional.empty(), state());
        repo.files().file("overlays/dev/team/patches/p.yml", "kind: Patch\n");
        assertEquals(Optional.of(head), state(), "the same bytes again: clean");
    }

    @Test
    void aNewOrDeletedSpecCounts() {
        repo.files().file("environments/dev/b.yaml", SPEC.replace("name: a", "name: b"));
        assertEquals(Optional.empty(), state());
        repo.files().delete("environments/dev/b.yaml").delete("environments/dev/a.yaml");
        assertEquals(Optional.empty(), state());
    }

    @Test
    void aCheckoutWithConvertedLineEndingsIsClean() throws Exception {
        try (Git git = Git.open(dir.toFile())) {
            StoredConfig config = git.getRepository().getConfig();
            config.setString("core", null, "autocrlf", "true");
            config.save();
            repo.files().delete("environments/dev/a.yaml");
            git.checkout().addPath("environments/dev/a.yaml").call(); // as a clone on Windows writes it
        }
        assertEquals(SPEC.replace("\n", "\r\n"), repo.files().read("environments/dev/a.yaml"));
        assertEquals(Optional.of(head), state());
        repo.files().file("environments/dev/a.yaml", (SPEC + "spec: {}\n").replace("\n", "\r\n"));
        assertEquals(Optional.empty(), state());
    }

    @Test
    void aRepositoryInASubfolderOfTheWorkTree() throws Exception {
        Path inner = dir.resolve("platform");
        Files.createDirectories(inner.resolve("environments/dev"));
        Files.writeString(inner.resolve("environments/dev/a.yaml"), SPEC);
        head = repo.commit("a platform folder");
        assertEquals(Optional.of(head), WorkingTreeState.cleanHead(inner));
        // the outer folder's specs are not the inner repository's
        repo.files().file("environments/dev/a.yaml", SPEC + "spec: {}\n");
        assertEquals(Optional.of(head), WorkingTreeState.cleanHead(inner));
        Files.writeString(inner.resolve("environments/dev/a.yaml"), SPEC + "spec: {}\n");
        assertEquals(Optional.empty(), WorkingTreeState.cleanHead(inner));
    }

    @Test
    void noRepositoryNoCommit(@TempDir Path plain) throws Exception {
        Files.createDirectories(plain.resolve("environments/dev"));
        Files.writeString(plain.resolve("environments/dev/a.yaml"), SPEC);
        assertEquals(Optional.empty(), WorkingTreeState.cleanHead(plain));
    }
}
