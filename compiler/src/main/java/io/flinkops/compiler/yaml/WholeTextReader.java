package io.flinkops.compiler.yaml;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;

/**
 * SnakeYAML's reader over a text held whole, with the same positions and answers as
 * {@link StreamReader}. StreamReader reads 1,024 characters at a time and copies what its scanner
 * has not consumed into a new array at every read, so one long token (a value, comment or block
 * line of megabytes with no space in it) costs time and garbage quadratic in its length: 11 s and
 * 3.5 GB of heap for a 4 MB value. Here the text is read where it is: the string itself when every
 * code point is one char (all but texts with characters beyond the Basic Multilingual Plane), else
 * one array of its code points.
 *
 * <p>The caller checks that the text is printable ({@link YamlReader#parse} does, with the
 * character's line and column); StreamReader checks each chunk as it reads it. Marks carry no
 * snippet of the text (flinkops reports line and column, never SnakeYAML's excerpt).
 */
final class WholeTextReader extends StreamReader {
    private static final String NAME = "'string'";
    private static final int[] NO_SNIPPET = new int[0];

    private final String text;
    private final int[] codePoints; // null when every code point of the text is one char
    private final int length;
    private int pointer;
    private int index;
    private int documentIndex;
    private int line;
    private int column;

    WholeTextReader(String text) {
        this(text, text.codePointCount(0, text.length()) == text.length());
    }

    /** With {@code oneCharEach} already known: whether the text has no character beyond the Basic Multilingual Plane. */
    WholeTextReader(String text, boolean oneCharEach) {
        super("");
        this.text = text;
        this.codePoints = oneCharEach ? null : text.codePoints().toArray();
        this.length = oneCharEach ? text.length() : codePoints.length;
    }

    private int at(int i) {
        return codePoints == null ? text.charAt(i) : codePoints[i];
    }

    @Override
    public Mark getMark() {
        return new Mark(NAME, index, line, column, NO_SNIPPET, 0);
    }

    @Override
    public void forward() {
        forward(1);
    }

    @Override
    public void forward(int length) {
        for (int i = 0; i < length && pointer < this.length; i++) {
            int c = at(pointer++);
            index++;
            documentIndex++;
            // a lone CR ends a line; a CR before LF is a column, and the LF ends the line
            if (Constant.LINEBR.has(c) || (c == '\r' && pointer < this.length && at(pointer) != '\n')) {
                line++;
                column = 0;
            } else if (c != '\uFEFF') {
                column++;
            }
        }
    }

    @Override
    public int peek() {
        return peek(0);
    }

    @Override
    public int peek(int offset) {
        int i = pointer + offset;
        return i < length ? at(i) : 0;
    }

    @Override
    public String prefix(int length) {
        if (length == 0) {
            return "";
        }
        int end = pointer + Math.min(length, this.length - pointer);
        return codePoints == null ? text.substring(pointer, end) : new String(codePoints, pointer, end - pointer);
    }

    @Override
    public String prefixForward(int length) {
        String prefix = prefix(length);
        pointer += length;
        index += length;
        documentIndex += length;
        column += length;
        return prefix;
    }

    @Override
    public int getColumn() {
        return column;
    }

    @Override
    public int getDocumentIndex() {
        return documentIndex;
    }

    @Override
    public void resetDocumentIndex() {
        documentIndex = 0;
    }

    @Override
    public int getIndex() {
        return index;
    }

    @Override
    public int getLine() {
        return line;
    }
}
