package io.flinkops.compiler.diagnostic;

/** A position in a source file: 1-based line and column; the file as the user would name it. */
public record SourceLocation(String file, int line, int column) implements Comparable<SourceLocation> {

    public static SourceLocation start(String file) {
        return new SourceLocation(file, 1, 1);
    }

    @Override
    public int compareTo(SourceLocation o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : Integer.compare(column, o.column);
    }

    /** {@code file:line:column} on one line: a line break or other control character in a file name is escaped. */
    @Override
    public String toString() {
        return OneLine.of(file) + ":" + line + ":" + column;
    }
}
