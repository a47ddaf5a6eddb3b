package io.flinkops.compiler.source;

import java.util.List;
import java.util.Optional;

/** A read-only view of a repository: the working tree or one Git revision. */
public interface SourceTree {

    /** Every regular file below {@code dir} (relative, forward slashes), sorted; empty if none. */
    List<String> list(String dir);

    /** The bytes of one file, or empty when it does not exist. */
    Optional<byte[]> read(String path);

    /**
     * The symbolic links below {@code dir} that lead to a folder (inside the repository), sorted: the
     * listing names files and follows links to files only, so nothing under these is read.
     */
    default List<String> folderLinks(String dir) {
        return List.of();
    }

    /**
     * A token that is the same only while a file's content is (for a working tree its size, times and
     * inode, as Git's index keeps them), read without reading the file; empty when the tree has none
     * for it, and then only the content tells.
     */
    default Optional<String> stamp(String path) {
        return Optional.empty();
    }

    /**
     * The same for a folder that holds files only: a token that is the same only while its list of
     * entries is; empty when the tree has none for it.
     */
    default Optional<String> folderStamp(String dir) {
        return Optional.empty();
    }

    /** What the user would call this tree: a folder, or a commit id. */
    String describe();

    /** The commit the tree was read from, when it is a clean revision. */
    Optional<String> commit();

    /** Whether flinkops reads the file as YAML (specs, overlays, policies). */
    static boolean isYaml(String path) {
        return path.endsWith(".yaml") || path.endsWith(".yml");
    }

    /**
     * A file named as YAML that flinkops does not read, as its extension is not in lower case:
     * {@code job.YAML}, {@code job.Yml}. Like kubectl and Argo CD, flinkops matches extensions exactly.
     */
    static boolean looksLikeYamlUnread(String path) {
        return !isYaml(path) && isYaml(path.toLowerCase(java.util.Locale.ROOT));
    }

    /** A file named as JSON (in any case), which flinkops does not read: JSON is YAML, but not named so. */
    static boolean isJson(String path) {
        return path.toLowerCase(java.util.Locale.ROOT).endsWith(".json");
    }

    /**
     * A JSON file in {@code tree} that names an apiVersion and a kind: a resource or spec written as
     * JSON, which flinkops would pass over; an editor's JSON schema or other JSON names neither. A file
     * that cannot be read is not one (what is not flinkops' to read is not flinkops' to refuse).
     */
    static boolean isJsonResource(SourceTree tree, String path) {
        if (!isJson(path)) {
            return false;
        }
        try {
            String text = tree.read(path).map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8)).orElse("");
            return text.contains("\"apiVersion\"") && text.contains("\"kind\"");
        } catch (io.flinkops.compiler.diagnostic.InputException unreadable) {
            return false;
        }
    }
}
