package io.flinkops.compiler.yaml;

import io.flinkops.compiler.diagnostic.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON pointer to file:line:column for one YAML document, recorded while parsing. A pointer that
 * names no node (a missing field) resolves to its nearest recorded ancestor.
 */
public final class SourceMap {
    private final String file;
    private final Map<String, Long> values = new HashMap<>();
    private final Map<String, Long> keys = new HashMap<>();
    private final long documentStart;

    SourceMap(String file, int documentLine, int documentColumn) {
        this.file = file;
        this.documentStart = pack(documentLine, documentColumn);
    }

    /** A map that knows only where its document starts (for objects made from nothing). */
    public static SourceMap at(SourceLocation start) {
        return new SourceMap(start.file(), start.line(), start.column());
    }

    /**
     * One map per element of the array at {@code pointer}, each with its pointers made relative to the
     * element: the items of a List document read as documents of their own. One pass over the entries,
     * however many elements.
     */
    public List<SourceMap> elements(String pointer, int size) {
        List<SourceMap> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            SourceLocation start = value(pointer + "/" + i);
            SourceMap element = new SourceMap(file, start.line(), start.column());
            element.values.put("", element.documentStart);
            out.add(element);
        }
        String prefix = pointer + "/";
        splitInto(values, prefix, out, true);
        splitInto(keys, prefix, out, false);
        return out;
    }

    private static void splitInto(Map<String, Long> entries, String prefix, List<SourceMap> elements, boolean values) {
        entries.forEach((p, at) -> {
            if (!p.startsWith(prefix)) {
                return;
            }
            int slash = p.indexOf('/', prefix.length());
            String rest = slash < 0 ? "" : p.substring(slash);
            if (rest.isEmpty()) {
                return; // the element itself: its start is the element's document start
            }
            int index;
            try {
                index = Integer.parseInt(p.substring(prefix.length(), slash));
            } catch (NumberFormatException e) {
                return;
            }
            if (index < elements.size()) {
                (values ? elements.get(index).values : elements.get(index).keys).put(rest, at);
            }
        });
    }

    void putValue(String pointer, int line, int column) {
        values.putIfAbsent(pointer, pack(line, column));
    }

    void putKey(String pointer, int line, int column) {
        keys.putIfAbsent(pointer, pack(line, column));
    }

    public String file() {
        return file;
    }

    public SourceLocation document() {
        return unpack(documentStart);
    }

    /** Where the value at {@code pointer} starts, or its nearest recorded ancestor. */
    public SourceLocation value(String pointer) {
        String p = pointer;
        while (true) {
            Long at = values.get(p);
            if (at != null) {
                return unpack(at);
            }
            if (p.isEmpty()) {
                return document();
            }
            p = Pointers.parent(p);
        }
    }

    /** Where the key naming {@code pointer} starts; falls back to the value, then the ancestors. */
    public SourceLocation key(String pointer) {
        Long at = keys.get(pointer);
        return at != null ? unpack(at) : value(pointer);
    }

    /**
     * Best location for a finding about {@code pointer}: the key when the node exists (so a wrong
     * value's line is shown with its field name), else the nearest existing ancestor's key.
     */
    public SourceLocation best(String pointer) {
        String p = pointer;
        while (!p.isEmpty() && !values.containsKey(p)) {
            p = Pointers.parent(p);
        }
        return key(p);
    }

    private static long pack(int line, int column) {
        return ((long) line << 32) | (column & 0xffffffffL);
    }

    private SourceLocation unpack(long v) {
        return new SourceLocation(file, (int) (v >>> 32), (int) v);
    }
}
