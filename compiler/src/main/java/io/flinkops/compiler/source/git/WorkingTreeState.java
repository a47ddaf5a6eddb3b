package io.flinkops.compiler.source.git;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.StatusCommand;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;

/** Whether a working tree is a clean checkout of a commit (then outputs may name that commit). */
public final class WorkingTreeState {
    /**
     * The folders the emitted objects are made of: specs and overlays. Policies and CRD files decide
     * findings, not bytes, and a change elsewhere (a README, CI files, an output folder nobody ignored)
     * says nothing about where the objects came from; nor does Git need to walk it.
     */
    private static final List<String> OUTPUT_SOURCES = List.of("environments", "overlays");

    private WorkingTreeState() {}

    /**
     * The HEAD commit when {@code dir} is in a Git repository whose output sources ({@code environments/},
     * {@code overlays/}) have no uncommitted change; empty otherwise.
     */
    public static Optional<String> cleanHead(Path dir) {
        FileRepositoryBuilder builder = new FileRepositoryBuilder().findGitDir(dir.toFile());
        if (builder.getGitDir() == null) {
            return Optional.empty();
        }
        try (Repository repo = builder.build(); Git git = new Git(repo)) {
            ObjectId head = repo.resolve("HEAD^{commit}");
            StatusCommand status = git.status();
            Optional<String> prefix = prefixOf(repo, dir);
            // where the repository root cannot be placed in the work tree, every change counts
            prefix.ifPresent(p -> OUTPUT_SOURCES.forEach(folder -> status.addPath(p + folder)));
            if (head == null || !status.call().isClean()) {
                return Optional.empty();
            }
            return Optional.of(head.name());
        } catch (Exception e) {
            return Optional.empty();
        }
    }

    /** Where {@code dir} (the flinkops repository root) lies inside the Git work tree: "" or "path/to/". */
    private static Optional<String> prefixOf(Repository repo, Path dir) {
        try {
            Path workTree = repo.getWorkTree().toPath().toRealPath();
            Path root = dir.toRealPath();
            if (!root.startsWith(workTree)) {
                return Optional.empty();
            }
            String relative = workTree.relativize(root).toString().replace('\\', '/');
            return Optional.of(relative.isEmpty() ? "" : relative + "/");
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
