package io.flinkops.compiler.generate;

import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the parts of an emitted object came from. Each entry maps a JSON pointer prefix in the
 * emitted object to a pointer in the source document; a pointer under no entry was derived and is
 * reported at the source's own header.
 */
public final class Origin {
    private record Entry(String emitted, String source) {}

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
        entries.add(new Entry(emittedPrefix, sourcePointer));
        return this;
    }

    public String file() {
        return source.file();
    }

    public SourceMap sourceMap() {
        return source;
    }

    /** The source pointer an emitted pointer came from, or the header pointer when it was derived. */
    public String sourcePointer(String emittedPointer) {
        Entry best = null;
        for (Entry e : entries) {
            if (isPrefix(e.emitted, emittedPointer) && (best == null || e.emitted.length() > best.emitted.length())) {
                best = e;
            }
        }
        if (best == null) {
            return headerPointer;
        }
        return best.source + emittedPointer.substring(best.emitted.length());
    }

    public SourceLocation locate(String emittedPointer) {
        return source.best(sourcePointer(emittedPointer));
    }

    private static boolean isPrefix(String prefix, String pointer) {
        return pointer.equals(prefix) || prefix.isEmpty() || pointer.startsWith(prefix + "/");
    }
}
