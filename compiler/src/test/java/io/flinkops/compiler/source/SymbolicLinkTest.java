package io.flinkops.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.source.git.GitTree;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A symbolic link is followed as a checkout would follow it, when it stays in the repository; one
 * that leaves it, or leads nowhere, stops the run with its path, in the working tree and at a Git
 * revision alike (Argo CD refuses such repositories too); so does a tree entry no checkout would write.
 */
class SymbolicLinkTest {
    @TempDir
    Path dir;

    @Test
    void aLinkInsideTheRepositoryIsReadAsItsTarget() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            git.files().file("environments/dev/real.yaml", "a: 1\n");
            link("environments/dev/alias.yaml", "real.yaml");
            link("environments/dev/twice.yaml", "../dev/alias.yaml");
            link("environments/dev/folder", "../dev");
            git.commit("links inside");
            for (SourceTree tree : trees()) {
                assertEquals(java.util.List.of("environments/dev/alias.yaml", "environments/dev/real.yaml", "environments/dev/twice.yaml"),
                        tree.list("environments"), tree.describe());
                assertEquals("a: 1\n", new String(tree.read("environments/dev/twice.yaml").orElseThrow(), StandardCharsets.UTF_8));
                assertEquals(java.util.List.of("environments/dev/folder"), tree.folderLinks("environments"), tree.describe());
                close(tree);
            }
        }
    }

    @Test
    void aLinkThatLeavesTheRepositoryStopsTheRun() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            git.files().withSamples();
            git.commit("samples");
            link("environments/dev/evil.yaml", "/etc/passwd");
            git.commit("a link to /etc/passwd");
            for (String[] args : new String[][] {{"validate"}, {"validate", "--ref", "HEAD"}}) {
                Cli.Result r = Cli.run(dir.resolve("repo"), args);
                assertEquals(2, r.code(), r.out() + r.err());
                assertTrue(r.err().contains("environments/dev/evil.yaml:1:1: symbolic link points outside the repository (to /etc/passwd)"),
                        String.join(" ", args) + "\n" + r.err());
            }
            Files.delete(dir.resolve("repo/environments/dev/evil.yaml"));
            link("environments/dev/up", "../../..");
            git.commit("a link above the repository");
            try (GitTree tree = GitTree.open(dir.resolve("repo"), "HEAD")) {
                InputException e = assertThrows(InputException.class, () -> tree.list("environments"));
                assertEquals("environments/dev/up:1:1: symbolic link points outside the repository (to ../../..)", e.oneLine());
            }
        }
    }

    @Test
    void aLinkToNothingStopsTheRun() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            link("environments/dev/gone.yaml", "nowhere.yaml");
            git.commit("a dangling link");
            for (SourceTree tree : trees()) {
                InputException e = assertThrows(InputException.class, () -> tree.list("environments"), tree.describe());
                assertTrue(e.oneLine().startsWith("environments/dev/gone.yaml:1:1: broken symbolic link"), e.oneLine());
                close(tree);
            }
        }
    }

    /** A commit can hold a link no file system can: a NUL in its target. */
    @Test
    void aLinkNoFileSystemCouldHoldIsOneLine() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            git.files().file("README.md", "x\n");
            git.commit("first");
        }
        commitEnvironmentFolder("odd", "bad.yaml", org.eclipse.jgit.lib.FileMode.SYMLINK, "a\u0000b");
        try (GitTree tree = GitTree.open(dir.resolve("repo"), "odd")) {
            InputException e = assertThrows(InputException.class, () -> tree.list("environments"));
            assertTrue(e.oneLine().startsWith("environments/dev/bad.yaml:1:1: symbolic link to a path that cannot exist"), e.oneLine());
        }
    }

    /**
     * A tree can hold an entry named "..", ".git" or "." (git mktree writes one); no checkout would
     * write it (git refuses), so the run stops at it instead of reading environments/dev/../x.yaml.
     */
    @Test
    void aTreeEntryGitRefusesToCheckOutStopsTheRun() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            git.files().file("README.md", "x\n");
            git.commit("first");
        }
        for (String name : new String[] {"..", ".git", "."}) {
            commitEnvironmentFolder("crafted", name, org.eclipse.jgit.lib.FileMode.REGULAR_FILE, "kind: FlinkJob\n");
            try (GitTree tree = GitTree.open(dir.resolve("repo"), "crafted")) {
                InputException e = assertThrows(InputException.class, () -> tree.list("environments"));
                assertEquals("environments/dev/" + name + ":1:1: a path Git refuses to check out (invalid name '" + name + "')",
                        e.oneLine());
            }
        }
    }

    /** Commits, on branch {@code ref}, a tree no working tree could hold: environments/dev/{@code name}. */
    private void commitEnvironmentFolder(String ref, String name, org.eclipse.jgit.lib.FileMode mode, String content) throws Exception {
        try (org.eclipse.jgit.lib.Repository repo = org.eclipse.jgit.storage.file.FileRepositoryBuilder.create(dir.resolve("repo/.git").toFile());
                org.eclipse.jgit.lib.ObjectInserter in = repo.newObjectInserter()) {
            var blob = in.insert(org.eclipse.jgit.lib.Constants.OBJ_BLOB, content.getBytes(StandardCharsets.UTF_8));
            var dev = new org.eclipse.jgit.lib.TreeFormatter();
            dev.append(name, mode, blob);
            var environments = new org.eclipse.jgit.lib.TreeFormatter();
            environments.append("dev", org.eclipse.jgit.lib.FileMode.TREE, in.insert(dev));
            var root = new org.eclipse.jgit.lib.TreeFormatter();
            root.append("environments", org.eclipse.jgit.lib.FileMode.TREE, in.insert(environments));
            var commit = new org.eclipse.jgit.lib.CommitBuilder();
            var who = new org.eclipse.jgit.lib.PersonIdent("Test", "test@example.com", java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
            commit.setTreeId(in.insert(root));
            commit.setAuthor(who);
            commit.setCommitter(who);
            commit.setMessage("crafted");
            var id = in.insert(commit);
            in.flush();
            var update = repo.updateRef("refs/heads/" + ref);
            update.setNewObjectId(id);
            update.forceUpdate();
        }
    }

    /**
     * A link to a folder is not followed (a folder would be read twice, or an environment twice over):
     * where flinkops reads files, one is named in a warning, as what is under it is never compiled.
     */
    @Test
    void aLinkToAFolderIsNamedNotFollowed() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            git.files().withSamples().file("shared/specs/extra.yaml", "a: 1\n").file("shared/policies/README.md", "# shared\n");
            link("environments/dev2", "dev");
            link("environments/dev/more", "../../shared/specs");
            link("overlays/prod/analytics-copy", "analytics");
            link("overlays/prod-eu", "prod");
            link("policies/shared", "../shared/policies");
            git.commit("folder links");
            String warning = ":1:1: warning: not read: a symbolic link to a folder, which flinkops does not follow (it follows links"
                    + " to files): nothing under it is compiled or checked [file-not-read]";
            for (String[] args : new String[][] {{"validate"}, {"validate", "--ref", "HEAD"}}) {
                Cli.Result r = Cli.run(dir.resolve("repo"), args);
                assertEquals(0, r.code(), r.out() + r.err());
                assertEquals(java.util.List.of("environments/dev/more" + warning, "environments/dev2" + warning, "overlays/prod-eu" + warning,
                        "overlays/prod/analytics-copy" + warning, "policies/shared" + warning),
                        r.out().lines().filter(l -> l.contains("[file-not-read]")).toList(), String.join(" ", args));
            }
        }
    }

    private void link(String path, String target) throws Exception {
        Path link = dir.resolve("repo").resolve(path);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, Path.of(target));
    }

    private SourceTree[] trees() {
        return new SourceTree[] {new FileSystemTree(dir.resolve("repo")), GitTree.open(dir.resolve("repo"), "HEAD")};
    }

    private static void close(SourceTree tree) {
        if (tree instanceof GitTree git) {
            git.close();
        }
    }
}
