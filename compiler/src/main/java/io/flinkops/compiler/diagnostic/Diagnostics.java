package io.flinkops.compiler.diagnostic;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A thread-safe collector of findings; stages add, nobody removes. */
public final class Diagnostics {
    private final List<Diagnostic> items = Collections.synchronizedList(new ArrayList<>());

    public void add(Diagnostic d) {
        items.add(d);
    }

    public void addAll(List<Diagnostic> ds) {
        items.addAll(ds);
    }

    /** A copy, sorted by file, line, column and rule. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> copy;
        synchronized (items) {
            copy = new ArrayList<>(items);
        }
        copy.sort(Diagnostic.ORDER);
        return copy;
    }

    /** True when some finding names this file. */
    public boolean anyIn(String file) {
        synchronized (items) {
            return items.stream().anyMatch(d -> d.location().file().equals(file));
        }
    }

    public boolean hasErrors() {
        synchronized (items) {
            return items.stream().anyMatch(d -> d.severity() == Severity.ERROR);
        }
    }
}
