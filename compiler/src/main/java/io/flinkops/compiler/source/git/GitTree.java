package io.flinkops.compiler.source.git;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.yaml.YamlLimits;
import io.flinkops.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/** The tree of one Git revision, read through JGit without checking anything out. */
public final class GitTree implements SourceTree, AutoCloseable {
    private final Repository repository;
    private final RevCommit commit;
    private final String revision;

    private GitTree(Repository repository, RevCommit commit, String revision) {
        this.repository = repository;
        this.commit = commit;
        this.revision = revision;
    }

    /** Opens the repository that holds {@code dir} and resolves {@code revision} (branch, tag, SHA, HEAD~1). */
    public static GitTree open(Path dir, String revision) {
        try {
            FileRepositoryBuilder builder = new FileRepositoryBuilder().readEnvironment().findGitDir(dir.toFile());
            if (builder.getGitDir() == null) {
                throw new InputException("not a Git repository: " + dir);
            }
            Repository repo = builder.build();
            ObjectId id = repo.resolve(revision + "^{commit}");
            if (id == null) {
                repo.close();
                throw new InputException("unknown Git revision '" + revision + "'");
            }
            try (RevWalk walk = new RevWalk(repo)) {
                return new GitTree(repo, walk.parseCommit(id), revision);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof InputException ie) {
                throw ie;
            }
            throw new InputException("cannot read Git revision '" + revision + "': " + e.getMessage());
        }
    }

    @Override
    public List<String> list(String dir) {
        List<String> out = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!dir.isEmpty()) {
                walk.setFilter(PathFilter.create(dir));
            }
            while (walk.next()) {
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    out.add(walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot list " + dir + " at " + revision + ": " + e.getMessage());
        }
        out.sort(String::compareTo);
        return out;
    }

    @Override
    public Optional<byte[]> read(String path) {
        try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (walk == null) {
                return Optional.empty();
            }
            FileMode mode = walk.getFileMode(0);
            if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                return Optional.empty();
            }
            ObjectLoader loader = repository.open(walk.getObjectId(0), Constants.OBJ_BLOB);
            if (loader.getSize() > YamlLimits.DEFAULT.maxBytes()) {
                throw YamlLimits.DEFAULT.tooLarge(path, loader.getSize());
            }
            return Optional.of(loader.getBytes());
        } catch (IOException e) {
            throw new InputException("cannot read " + path + " at " + revision + ": " + e.getMessage());
        }
    }

    @Override
    public String describe() {
        return revision + " (" + commit.getId().abbreviate(12).name() + ")";
    }

    @Override
    public Optional<String> commit() {
        return Optional.of(commit.getId().name());
    }

    @Override
    public void close() {
        repository.close();
    }
}
