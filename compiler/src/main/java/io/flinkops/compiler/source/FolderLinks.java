package io.flinkops.compiler.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The symbolic links to folders that a tree's listings met, by the folder listed: a listing records
 * them on its walk, and {@link SourceTree#folderLinks} asks, listing the folder first if no listing has.
 */
public final class FolderLinks {
    private final Map<String, List<String>> byFolder = new ConcurrentHashMap<>();

    public void found(String dir, List<String> links) {
        List<String> sorted = new ArrayList<>(links);
        sorted.sort(String::compareTo);
        byFolder.put(dir, List.copyOf(sorted));
    }

    public List<String> of(String dir, Consumer<String> list) {
        List<String> links = byFolder.get(dir);
        if (links == null) {
            list.accept(dir);
            links = byFolder.getOrDefault(dir, List.of());
        }
        return links;
    }
}
