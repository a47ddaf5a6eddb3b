package io.flinkops.compiler.source.git;

import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Whether a working tree is a clean checkout of a commit (then outputs may name that commit). */
public final class WorkingTreeState {
    private WorkingTreeState() {}

    /** The HEAD commit when {@code dir} is in a Git repository with no uncommitted change; empty otherwise. */
    public static Optional<String> cleanHead(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.build(); Git git = new Git(repo)) {
            ObjectId head = repo.resolve("HEAD^{commit}");
            if (head == null || !git.status().call().isClean()) {
                return Optional.empty();
            }
            return Optional.of(head.name());
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
