package io.flinkops.compiler.source.git;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.yaml.YamlLimits;
import io.flinkops.compiler.source.FolderLinks;
import io.flinkops.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.errors.CorruptObjectException;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectChecker;
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
    private static final int MAX_LINKS = 8;
    private static final int MAX_LINK_BYTES = 4096;

    private final Repository repository;
    private final RevCommit commit;
    private final String revision;
    private final FolderLinks folderLinks = new FolderLinks();

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
            // JGit answers some revision syntax it does not support (HEAD@{1 year ago}) with a bare exception
            String why = e.getMessage() != null ? e.getMessage() : "JGit cannot resolve it (" + e.getClass().getSimpleName() + ")";
            throw new InputException("cannot read Git revision '" + revision + "': " + why);
        }
    }

    @Override
    public List<String> list(String dir) {
        List<String> out = new ArrayList<>();
        List<String> links = new ArrayList<>();
        try (TreeWalk walk = new TreeWalk(repository)) {
            walk.addTree(commit.getTree());
            walk.setRecursive(true);
            if (!dir.isEmpty()) {
                walk.setFilter(PathFilter.create(dir));
            }
            while (walk.next()) {
                refuseUncheckable(walk.getPathString());
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    out.add(walk.getPathString());
                } else if (mode == FileMode.SYMLINK) {
                    (fileBehind(walk.getPathString()).isPresent() ? out : links).add(walk.getPathString());
                }
            }
        } catch (IOException e) {
            throw new InputException("cannot list " + dir + " at " + revision + ": " + e.getMessage());
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
     * A tree can name an entry "..", ".git" or "." (git mktree writes one), which git refuses to check
     * out, so no clone of the revision (Argo CD's among them) would have the file: refused as git
     * refuses it, by JGit's own checks of what a checkout may write.
     */
    private static void refuseUncheckable(String path) {
        try {
            new ObjectChecker().checkPath(path);
        } catch (CorruptObjectException e) {
            throw new InputException(SourceLocation.start(path), "a path Git refuses to check out (" + e.getMessage() + ")");
        }
    }

    @Override
    public Optional<byte[]> read(String path) {
        try {
            Optional<ObjectId> blob = fileBehind(path);
            if (blob.isEmpty()) {
                return Optional.empty();
            }
            ObjectLoader loader = repository.open(blob.get(), Constants.OBJ_BLOB);
            if (loader.getSize() > YamlLimits.DEFAULT.maxBytes()) {
                throw YamlLimits.DEFAULT.tooLarge(path, loader.getSize());
            }
            return Optional.of(loader.getBytes());
        } catch (IOException e) {
            throw new InputException("cannot read " + path + " at " + revision + ": " + e.getMessage());
        }
    }

    /**
     * The blob of the regular file at {@code path}, following symbolic links as a checkout would; a
     * link that leaves the repository or leads nowhere is refused, as in the working tree.
     */
    private Optional<ObjectId> fileBehind(String path) throws IOException {
        String at = path;
        for (int hop = 0; hop <= MAX_LINKS && !at.isEmpty(); hop++) {
            try (TreeWalk walk = TreeWalk.forPath(repository, at, commit.getTree())) {
                if (walk == null) {
                    if (hop == 0) {
                        return Optional.empty();
                    }
                    throw new InputException(SourceLocation.start(path), "broken symbolic link (to " + at + ")");
                }
                FileMode mode = walk.getFileMode(0);
                if (mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE) {
                    return Optional.of(walk.getObjectId(0));
                }
                if (mode != FileMode.SYMLINK) {
                    return Optional.empty(); // a folder or a submodule
                }
                at = linkTarget(path, at, walk.getObjectId(0));
            }
        }
        if (at.isEmpty()) {
            return Optional.empty(); // a link to the repository's root folder
        }
        throw new InputException(SourceLocation.start(path), "too many levels of symbolic links");
    }

    private String linkTarget(String path, String link, ObjectId blob) throws IOException {
        ObjectLoader loader = repository.open(blob, Constants.OBJ_BLOB);
        String target = loader.getSize() > MAX_LINK_BYTES ? "/" : new String(loader.getBytes(), StandardCharsets.UTF_8);
        String folder = link.contains("/") ? link.substring(0, link.lastIndexOf('/')) : "";
        Path resolved;
        try {
            resolved = Path.of(folder).resolve(target).normalize();
        } catch (InvalidPathException e) {
            throw new InputException(SourceLocation.start(path), "symbolic link to a path that cannot exist (" + e.getReason() + ")");
        }
        if (Path.of(target).isAbsolute() || resolved.startsWith("..")) {
            throw new InputException(SourceLocation.start(path), "symbolic link points outside the repository (to " + target + ")");
        }
        return resolved.toString().replace('\\', '/');
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
