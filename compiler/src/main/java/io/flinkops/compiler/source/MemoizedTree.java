package io.flinkops.compiler.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A source tree that reads each file once: a run that hashes its inputs for the cache and then
 * parses the ones that missed reads them from memory the second time. Thread-safe.
 */
public final class MemoizedTree implements SourceTree {
    private final SourceTree tree;
    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();
    private final Map<String, List<String>> listings = new ConcurrentHashMap<>();

    public MemoizedTree(SourceTree tree) {
        this.tree = tree;
    }

    @Override
    public List<String> list(String dir) {
        return listings.computeIfAbsent(dir, tree::list);
    }

    @Override
    public Optional<byte[]> read(String path) {
        return files.computeIfAbsent(path, tree::read);
    }

    @Override
    public List<String> folderLinks(String dir) {
        return tree.folderLinks(dir);
    }

    @Override
    public Optional<String> stamp(String path) {
        return tree.stamp(path);
    }

    @Override
    public Optional<String> folderStamp(String dir) {
        return tree.folderStamp(dir);
    }

    @Override
    public String describe() {
        return tree.describe();
    }

    @Override
    public Optional<String> commit() {
        return tree.commit();
    }
}
