package io.flinkops.compiler.testing;

import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import java.time.Instant;
import java.time.ZoneOffset;

/** A real Git repository in a temporary folder, built with JGit: commit, branch, check out. */
public final class GitRepo implements AutoCloseable {
    private final Git git;
    private final TestRepo files;
    private int commits;

    public GitRepo(Path dir) throws Exception {
        this.git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call();
        this.files = new TestRepo(dir);
    }

    public TestRepo files() {
        return files;
    }

    public String commit(String message) throws Exception {
        git.add().addFilepattern(".").call();
        git.add().addFilepattern(".").setUpdate(true).call();
        PersonIdent who = new PersonIdent("Test", "test@example.com", Instant.parse("2026-01-01T00:00:00Z").plusSeconds(commits++), ZoneOffset.UTC);
        return git.commit().setMessage(message).setAuthor(who).setCommitter(who).call().getName();
    }

    public void branch(String name) throws Exception {
        git.checkout().setCreateBranch(true).setName(name).call();
    }

    public void checkout(String name) throws Exception {
        git.checkout().setName(name).call();
    }

    @Override
    public void close() {
        git.close();
    }
}
