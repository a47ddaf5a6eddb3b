package io.flinkops.compiler.generate;

import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the parts of an emitted object came from. Each entry maps a JSON pointer prefix in the
 * emitted object to a pointer in the source document (or in another document it was derived from,
 * such as environment.yaml for a job's state paths); a pointer under no entry was derived and is
 * reported at the source's own header.
 */
public final class Origin {
    /** {@code document} is null for the object's own source. */
    private record Entry(String emitted, String source, SourceMap document) {}

    private final SourceMap source;
    private final List<Entry> entries = new ArrayList<>();
    private final String headerPointer;

    private Origin(SourceMap source, String headerPointer) {
        this.source = source;
        this.headerPointer = headerPointer;
    }

    /** An origin whose derived values are reported at {@code headerPointer} of the source (often ""). */
    public static Origin of(SourceMap source, String headerPointer) {
        return new Origin(source, headerPointer);
    }

    /** The emitted object is the source document itself (a raw custom resource). */
    public static Origin identity(SourceMap source) {
        return new Origin(source, "").map("", "");
    }

    public Origin map(String emittedPrefix, String sourcePointer) {
        entries.add(new Entry(emittedPrefix, sourcePointer, null));
        return this;
    }

    /** Values under {@code emittedPrefix} were derived from {@code pointer} of another document. */
    public Origin mapTo(String emittedPrefix, SourceMap document, String pointer) {
        entries.add(new Entry(emittedPrefix, pointer, document));
        return this;
    }

    /**
     * This origin with the values at {@code pointers} written by another document at the same
     * pointers (an overlay's patch, which kustomize merges into the object): there they are found.
     */
    public Origin overwrittenBy(SourceMap document, List<String> pointers) {
        Origin out = new Origin(source, headerPointer);
        out.entries.addAll(entries);
        pointers.forEach(p -> out.mapTo(p, document, p));
        return out;
    }

    public String file() {
        return source.file();
    }

    /** Whether {@code file} wrote any part of the object: its source, or a document it draws values from (a patch). */
    public boolean drawsOn(String file) {
        if (source.file().equals(file)) {
            return true;
        }
        for (Entry e : entries) { // a loop: a validate asks this of each of 1,000 objects, in a JVM just started
            if (e.document != null && e.document.file().equals(file)) {
                return true;
            }
        }
        return false;
    }

    public SourceMap sourceMap() {
        return source;
    }

    /**
     * Where in the sources an emitted pointer came from: the place of the entry with the longest prefix
     * of it (of two alike, the later: a patch's over the spec's), or the header when it was derived.
     */
    public SourceLocation locate(String emittedPointer) {
        Entry best = null;
        for (Entry e : entries) {
            if (isPrefix(e.emitted, emittedPointer) && (best == null || e.emitted.length() >= best.emitted.length())) {
                best = e;
            }
        }
        if (best == null) {
            return source.best(headerPointer);
        }
        String pointer = best.source + emittedPointer.substring(best.emitted.length());
        return (best.document == null ? source : best.document).best(pointer);
    }

    private static boolean isPrefix(String prefix, String pointer) {
        return pointer.equals(prefix) || prefix.isEmpty() || pointer.startsWith(prefix + "/");
    }
}
