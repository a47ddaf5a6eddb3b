package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.comments.CommentLine;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.Constant;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads YAML the way {@code kubectl} does (YAML 1.1 scalars, merge keys, no duplicate keys) into
 * Jackson trees, recording the position of every key and value. Bad input becomes an
 * {@link InputException} naming file, line and column.
 */
public final class YamlReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final YamlLimits limits;

    public YamlReader(YamlLimits limits) {
        this.limits = limits;
    }

    public YamlReader() {
        this(YamlLimits.DEFAULT);
    }

    public YamlLimits limits() {
        return limits;
    }

    /**
     * Decodes bytes as strict UTF-8 (or as UTF-16 after its byte order mark, which kubectl and kustomize
     * read too: Windows tools write it), refusing binary data and files over the size limit.
     */
    public String decode(String file, byte[] bytes) {
        if (bytes.length > limits.maxBytes()) {
            throw limits.tooLarge(file, bytes.length);
        }
        boolean littleEndianMark = bytes.length >= 2 && bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE;
        if (littleEndianMark && bytes.length >= 4 && bytes[2] == 0 && bytes[3] == 0
                || bytes.length >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == (byte) 0xFE && bytes[3] == (byte) 0xFF) {
            throw new InputException(SourceLocation.start(file), "text is UTF-32, which kubectl does not read (save the file as UTF-8)");
        }
        if (hasUtf16Mark(bytes)) {
            return decodeUtf16(file, bytes, !littleEndianMark);
        }
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new InputException(locationOfByte(file, bytes, i), looksLikeUtf16(bytes, i)
                        ? "text is UTF-16 without a byte order mark, which kubectl reads as UTF-8 (save the file as UTF-8)"
                        : "binary data (a NUL byte) in what should be a YAML text file");
            }
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new InputException(locationOfByte(file, bytes, in.position()),
                    "text is not valid UTF-8 (save the file as UTF-8)");
        }
        out.flip();
        String text = out.toString();
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        return text;
    }

    /** Text to show, not to check: UTF-16 after its byte order mark, else UTF-8 (what cannot be decoded replaced). */
    public static String shown(byte[] bytes) {
        return new String(bytes, hasUtf16Mark(bytes) ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
    }

    /** A UTF-16 byte order mark, either way round. */
    private static boolean hasUtf16Mark(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF || bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE);
    }

    private static String decodeUtf16(String file, byte[] bytes, boolean bigEndian) {
        CharsetDecoder decoder = (bigEndian ? StandardCharsets.UTF_16BE : StandardCharsets.UTF_16LE).newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, 2, bytes.length - 2);
        CharBuffer out = CharBuffer.allocate(bytes.length / 2);
        var result = decoder.decode(in, out, true);
        out.flip();
        String text = out.toString();
        if (result.isError() || !decoder.flush(CharBuffer.allocate(1)).isUnderflow()) {
            throw new InputException(locationOfChar(file, text, text.length()), "text is not valid UTF-16 (save the file as UTF-8)");
        }
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            throw new InputException(locationOfChar(file, text, nul), "binary data (a NUL character) in what should be a YAML text file");
        }
        return text;
    }

    /** A NUL beside text: every other byte of the first ones zero, as ASCII written in UTF-16 has it. */
    private static boolean looksLikeUtf16(byte[] bytes, int firstNul) {
        if (firstNul > 1 || bytes.length < 8) {
            return false;
        }
        for (int i = firstNul; i < 8; i += 2) {
            if (bytes[i] != 0 || bytes[i ^ 1] == 0) {
                return false;
            }
        }
        return true;
    }

    private static SourceLocation locationOfChar(String file, String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    private static SourceLocation locationOfByte(String file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new SourceLocation(file, line, offset - lineStart + 1);
    }

    public List<LocatedDocument> read(String file, byte[] bytes) {
        return parse(file, decode(file, bytes));
    }

    /** Every non-empty document of the text, in order. */
    public List<LocatedDocument> parse(String file, String text) {
        boolean oneCharEach = refuseUnprintable(file, text);
        if (JsonStream.isJson(text)) {
            return new JsonStream(file, limits).read(text);
        }
        String read = cutAsKubectlCuts(file, text);
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(limits.maxAliases());
        options.setNestingDepthLimit(limits.maxDepth());
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxBytes()));
        options.setAllowRecursiveKeys(false);
        options.setProcessComments(false);
        options.setAllowDuplicateKeys(true); // we report duplicates ourselves, with positions
        try {
            return readPastTabs(file, read, oneCharEach, options);
        } catch (YAMLException e) {
            throw new InputException(SourceLocation.start(file), "invalid YAML: " + clean(e.getMessage()));
        } catch (StackOverflowError e) {
            throw new InputException(SourceLocation.start(file),
                    "YAML nested too deeply (limit " + limits.maxDepth() + " levels)");
        }
    }

    private static final int[] NO_TABS = {};
    private static final String TAB = "a tab character where YAML allows only spaces (indent with spaces, not tabs)";

    /** Reads past this many tabs one at a time at the most, each a read of the whole text, */
    static final int MAX_TABS_ONE_AT_A_TIME = 64;
    /** and reads no more text again than this, in all. */
    static final long MAX_CHARACTERS_READ_AGAIN = 16L * 1024 * 1024;

    /**
     * SnakeYAML takes no tab between tokens, go-yaml does, and a space there reads the same, in the same
     * column. At the first such tab every later tab that may part two tokens becomes a space, in one read;
     * if one of them was a scalar's own after all ("x:<tab>y", or a tag's), the reads go one tab at a time.
     */
    private List<LocatedDocument> readPastTabs(String file, String text, boolean oneCharEach, LoaderOptions options) {
        String read = text;
        for (int reads = 0; ; reads++) {
            try {
                return compose(file, read, oneCharEach, options, NO_TABS);
            } catch (MarkedYAMLException e) {
                int tab = separatingTab(read, e.getProblemMark());
                if (tab < 0) {
                    throw invalid(file, read, e);
                }
                if (reads == 0 && oneCharEach) {
                    int[] spaced = separatingTabsFrom(read, tab);
                    try {
                        return compose(file, withSpaces(read, spaced), true, options, spaced);
                    } catch (MarkedYAMLException | SpacedScalar notAsKubectlReadsIt) {
                        // one tab at a time, below
                    }
                }
                if (reads == MAX_TABS_ONE_AT_A_TIME || (long) reads * read.length() > MAX_CHARACTERS_READ_AGAIN) {
                    throw new InputException(position(file, e.getProblemMark()), String.format(Locale.ROOT,
                            "too many tabs between tokens that must be read one at a time (at most %d, and %,d"
                            + " characters read again): after a tag or an anchor, or beside a tab inside quotes; write spaces there",
                            MAX_TABS_ONE_AT_A_TIME, MAX_CHARACTERS_READ_AGAIN));
                }
                read = read.substring(0, tab) + ' ' + read.substring(tab + 1);
            }
        }
    }

    /** The first tab, and every later one after an indicator or a quote that ends a scalar ({@code :,[]{}"'}). */
    private static int[] separatingTabsFrom(String text, int first) {
        List<Integer> tabs = new ArrayList<>(List.of(first));
        for (int i = text.indexOf('\t', first + 1); i >= 0; i = text.indexOf('\t', i + 1)) {
            int before = i - 1;
            while (text.charAt(before) == ' ' || text.charAt(before) == '\t') {
                before--; // stops at the first tab's line at the latest
            }
            if (":,[]{}\"'".indexOf(text.charAt(before)) >= 0 && mayPartTokens(text, i)) {
                tabs.add(i);
            }
        }
        return tabs.stream().mapToInt(Integer::intValue).toArray();
    }

    private static String withSpaces(String text, int[] offsets) {
        char[] chars = text.toCharArray();
        for (int i : offsets) {
            chars[i] = ' ';
        }
        return new String(chars);
    }

    /** A scalar read where a tab was made a space: its value may not be what was written. */
    private static final class SpacedScalar extends RuntimeException {
        SpacedScalar() {
            super(null, null, false, false);
        }
    }

    private List<LocatedDocument> compose(String file, String text, boolean oneCharEach, LoaderOptions options, int[] spaced) {
        List<LocatedDocument> docs = new ArrayList<>();
        // the composer alone (what Yaml.composeAll wraps): no constructor, no type descriptions
        Composer composer = new KubectlComposer(new ParserImpl(new WholeTextReader(text, oneCharEach), options), options, file, text);
        int index = 0;
        while (composer.checkNode()) {
            Node node = composer.getNode();
            if (node == null || (node instanceof ScalarNode sn && isNull(sn))) {
                continue; // an empty document, as kubectl skips it
            }
            if (index >= limits.maxDocuments()) {
                throw new InputException(position(file, node.getStartMark()), String.format(Locale.ROOT,
                        "more than %d YAML documents in one file", limits.maxDocuments()));
            }
            Mark start = node.getStartMark();
            SourceMap map = new SourceMap(file, start.getLine() + 1, start.getColumn() + 1);
            Converter converter = new Converter(file, map, spaced);
            JsonNode root = converter.convert(node, "", 0);
            docs.add(new LocatedDocument(file, index++, root, map));
        }
        return docs;
    }

    /**
     * SnakeYAML's composer, but for a plain scalar with the non-specific tag {@code !} ({@code ! 12},
     * {@code ! true}): kubectl's go-yaml takes it as text, as it takes any tag it does not resolve, while
     * SnakeYAML resolves it as if untagged and the node no longer tells. The event still does.
     */
    private static final class KubectlComposer extends Composer {
        private final String file;
        private final String text;
        /** Line and offset of the last scalar located: marks come in order, so each text is walked once, not once per mark. */
        private int cursorLine;
        private int cursorOffset;

        KubectlComposer(ParserImpl parser, LoaderOptions options, String file, String text) {
            super(parser, KubectlScalars.RESOLVER, options);
            this.file = file;
            this.text = text;
        }

        /** The char offset of a mark, as {@link #offsetOf} gives it, walking on from the last one located. */
        private int offset(Mark mark) {
            if (mark.getLine() < cursorLine) {
                cursorLine = 0;
                cursorOffset = 0;
            }
            cursorOffset = lineStart(text, cursorOffset, mark.getLine() - cursorLine);
            cursorLine = mark.getLine();
            return columnOffset(text, cursorOffset, mark.getColumn());
        }

        @Override
        protected Node composeScalarNode(String anchor, List<CommentLine> blockComments) {
            if (parser.peekEvent() instanceof ScalarEvent quoted && quoted.getScalarStyle() == DumperOptions.ScalarStyle.DOUBLE_QUOTED
                    && quoted.getValue().chars().anyMatch(c -> Character.isSurrogate((char) c))) {
                int from = offset(quoted.getStartMark());
                int to = offset(quoted.getEndMark());
                int escape = surrogateEscape(text, from, to);
                if (escape >= 0) {
                    throw new InputException(locationOf(file, text, escape), "invalid YAML: '" + text.substring(escape, escape + 6)
                            + "' escapes half of a UTF-16 surrogate pair, which kubectl's YAML reader refuses (write the"
                            + " character itself, or escape its code point whole: \\U0001F600)");
                }
            }
            boolean nonSpecific = parser.peekEvent() instanceof ScalarEvent event && "!".equals(event.getTag());
            Node node = super.composeScalarNode(anchor, blockComments);
            if (nonSpecific && node.getTag().equals(KubectlScalars.PLAIN)) {
                node.setTag(Tag.STR);
            }
            return node;
        }
    }

    /**
     * Where, in the double-quoted scalar written at {@code [from, to)}, an escape (backslash-u and four hex digits, or
     * backslash-U and eight) names a code point in D800-DFFF, which go-yaml refuses ("found invalid Unicode character
     * escape code") while SnakeYAML makes it half, or with the next escape all, of a Java surrogate pair; -1 if none does.
     */
    static int surrogateEscape(String text, int from, int to) {
        for (int i = from; i < to - 1; i++) {
            if (text.charAt(i) != '\\') {
                continue;
            }
            char kind = text.charAt(i + 1);
            int digits = kind == 'u' ? 4 : kind == 'U' ? 8 : 0;
            if (digits > 0 && i + 2 + digits <= to) {
                try {
                    long code = Long.parseLong(text.substring(i + 2, i + 2 + digits), 16);
                    if (code >= 0xD800 && code <= 0xDFFF) {
                        return i;
                    }
                } catch (NumberFormatException e) {
                    // not an escape SnakeYAML took: it would have refused the scalar first
                }
            }
            i++; // the escaped character, a backslash among them, is not the start of another escape
        }
        return -1;
    }

    private static InputException invalid(String file, String text, MarkedYAMLException e) {
        Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
        String problem = e.getProblem() != null ? e.getProblem() : e.getMessage();
        String context = e.getContext();
        String msg = "invalid YAML: " + clean(problem)
                + (context != null && !context.isBlank() ? " (" + clean(context) + ")" : "");
        boolean atTab = e.getProblemMark() != null
                && text.startsWith("\t", offsetOf(text, e.getProblemMark().getLine(), e.getProblemMark().getColumn()));
        if (atTab) {
            msg = TAB;
        } else if (problem != null && clean(problem).startsWith("a tab")) {
            msg = clean(problem);
        } else if (problem != null && clean(problem).startsWith("YAML nested")) {
            msg = clean(problem);
        } else if (problem != null && problem.startsWith("mapping values are not allowed") && mark != null && mark.getColumn() > 1024) {
            msg = "invalid YAML: a key longer than 1024 characters, the most YAML allows for a plain key (kubectl refuses it too)";
        }
        return new InputException(mark == null ? SourceLocation.start(file) : position(file, mark), msg);
    }

    /**
     * Where SnakeYAML stopped at a tab that kubectl's go-yaml reads as white space between tokens
     * ({@code key:<tab>value}, {@code [1,<tab>2]}), its offset; -1 for any other stop, a tab in the
     * indentation or after a block indicator ({@code -<tab>a}, {@code ?<tab>a}) among them, which go-yaml
     * refuses too.
     */
    private static int separatingTab(String text, Mark mark) {
        if (mark == null) {
            return -1;
        }
        int offset = offsetOf(text, mark.getLine(), mark.getColumn());
        return offset < text.length() && text.charAt(offset) == '\t' && mayPartTokens(text, offset) ? offset : -1;
    }

    /** A tab after something on its line other than white space or a block indicator (- or ?). */
    private static boolean mayPartTokens(String text, int tab) {
        int before = tab - 1;
        while (before >= 0 && (text.charAt(before) == ' ' || text.charAt(before) == '\t')) {
            before--;
        }
        if (before < 0 || text.charAt(before) == '\n' || text.charAt(before) == '\r') {
            return false;
        }
        char c = text.charAt(before);
        return !((c == '-' || c == '?') && (before == 0 || " \t\n\r".indexOf(text.charAt(before - 1)) >= 0));
    }

    /** The char offset of a 0-based line and column (in code points), counting line breaks as SnakeYAML does. */
    private static int offsetOf(String text, int line, int column) {
        return columnOffset(text, lineStart(text, 0, line), column);
    }

    /** The offset of the line {@code lines} line breaks after the one starting at {@code from}, counting as SnakeYAML does. */
    private static int lineStart(String text, int from, int lines) {
        int i = from;
        for (int l = 0; l < lines && i < text.length(); ) {
            int c = text.codePointAt(i);
            if (breaksLine(text, i, c)) {
                l++;
            }
            i += Character.charCount(c);
        }
        return i;
    }

    /** The offset {@code column} code points into the line starting at {@code lineStart}. */
    private static int columnOffset(String text, int lineStart, int column) {
        int i = lineStart;
        for (int col = 0; col < column && i < text.length(); col++) {
            i += Character.charCount(text.codePointAt(i));
        }
        return i;
    }

    /**
     * YAML allows printable characters only (as kubectl's reader does): the first other one, where it
     * is. Whether every code point is one char, which the reader needs to know, comes of the same pass.
     */
    private static boolean refuseUnprintable(String file, String text) {
        boolean oneCharEach = true;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            if (!StreamReader.isPrintable(c)) {
                throw new InputException(locationOf(file, text, i), String.format(Locale.ROOT,
                        "character U+%04X is not allowed in YAML (a control character or a non-character)", c));
            }
            oneCharEach &= c < Character.MIN_SUPPLEMENTARY_CODE_POINT;
            i += Character.charCount(c);
        }
        return oneCharEach;
    }

    /**
     * kubectl and Argo CD cut a stream into documents at every line that starts with {@code ---} before
     * YAML reads them, one piece at a time. So they refuse the file when anything but white space or a
     * comment follows {@code ---} on that line ({@code --- {a: 1}}, {@code --- |}, {@code ----}), where
     * YAML itself would read on, and a directive ({@code %YAML}, {@code %TAG}) that opens a piece, which
     * the cut leaves without its document. What they let through is made plain for YAML: the rest of a
     * separator line ({@code ---#c}, {@code ---} and a tab) is blanked to spaces, so that every position
     * stays where it was written, and a byte order mark that opens a piece is dropped.
     */
    private static String cutAsKubectlCuts(String file, String text) {
        StringBuilder out = null; // made only when the text needs a change
        int copied = 0;
        boolean pieceEmpty = true; // nothing but blank lines and comments since the last cut
        for (int line = 0; line < text.length(); ) {
            int end = text.indexOf('\n', line);
            end = end < 0 ? text.length() : end;
            if (text.startsWith("---", line)) {
                int rest = line + 3;
                while (rest < end && KubectlScalars.isGoSpace(text.charAt(rest))) {
                    rest++;
                }
                if (rest < end && text.charAt(rest) != '#') {
                    throw new InputException(locationOf(file, text, rest), "'" + text.substring(line, end).strip()
                            + "' is not a document separator: kubectl reads a line starting with --- as one, and allows"
                            + " only white space or a comment after it (put the content on the next line)");
                }
                for (int j = line + 3; j < end; j++) {
                    char c = text.charAt(j);
                    // a break of SnakeYAML's own stays, to keep its line count; \r before \n is the line's end
                    if (c != ' ' && !Constant.LINEBR.has(c) && !(c == '\r' && j == end - 1)) {
                        out = out == null ? new StringBuilder(text.length()) : out;
                        out.append(text, copied, j).append(' ');
                        copied = j + 1;
                    }
                }
                if (end + 1 < text.length() && text.charAt(end + 1) == '\uFEFF') {
                    out = out == null ? new StringBuilder(text.length()) : out;
                    out.append(text, copied, end + 1);
                    copied = end + 2;
                }
                pieceEmpty = true;
            } else if (pieceEmpty && text.startsWith("%", line)) {
                throw new InputException(locationOf(file, text, line), "a YAML directive ('" + text.substring(line, end).strip()
                        + "') is refused by kubectl and Argo CD, which cut the file at the --- after it and leave it"
                        + " without its document; remove the line");
            } else if (pieceEmpty) {
                String content = text.substring(line, end).strip();
                pieceEmpty = content.isEmpty() || content.startsWith("#");
            }
            line = end + 1;
        }
        return out == null ? text : out.append(text, copied, text.length()).toString();
    }

    /** Line and column of a char offset, counting line breaks as SnakeYAML does, so that it is the one its marks would give. */
    private static SourceLocation locationOf(String file, String text, int offset) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < offset; ) {
            int c = text.codePointAt(i);
            if (breaksLine(text, i, c)) {
                line++;
                column = 1;
            } else {
                column++;
            }
            i += Character.charCount(c);
        }
        return new SourceLocation(file, line, column);
    }

    /** Whether code point {@code c} at {@code i} ends a line as SnakeYAML counts lines (a CR only when no LF follows). */
    private static boolean breaksLine(String text, int i, int c) {
        return Constant.LINEBR.has(c) || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
    }

    static String duplicateKey(String key) {
        return "duplicate key '" + key + "' (Kubernetes rejects duplicate fields)";
    }

    private static String clean(String s) {
        if (s == null) {
            return "unreadable input";
        }
        String oneLine = s.replaceAll("\\s+", " ").trim();
        if (oneLine.contains("\\t(TAB)") || oneLine.contains("'\\t'")) {
            return TAB;
        }
        if (oneLine.startsWith("Nesting Depth exceeded")) {
            return "YAML nested too deeply (" + oneLine.replace("Nesting Depth exceeded max", "limit") + " levels)";
        }
        if (oneLine.startsWith("Number of aliases for non-scalar nodes exceeds")) {
            return "too many aliases to mappings or lists (" + oneLine.replaceAll(".*max=", "limit ") + "); alias bombs are refused";
        }
        return oneLine;
    }

    private static SourceLocation position(String file, Mark mark) {
        return new SourceLocation(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** A document that is only a null (empty, ~ or null), which kubectl skips. */
    private static boolean isNull(ScalarNode node) {
        try {
            return KubectlScalars.resolve(node.getValue(), KubectlScalars.tagOf(node)).isNull();
        } catch (KubectlScalars.Refused e) {
            return false; // reported when the document is converted
        }
    }

    /** Turns one composed document into a Jackson tree, recording positions and enforcing limits. */
    private final class Converter {
        private final String file;
        private final SourceMap map;
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
        private int nodes;
        private long characters;
        private long pathCharacters;
        private final int[] spaced; // offsets where a tab was read as a space; a scalar must hold none

        Converter(String file, SourceMap map, int[] spaced) {
            this.file = file;
            this.map = map;
            this.spaced = spaced;
        }

        private void refuseSpaced(Node scalar) {
            if (spaced.length > 0) {
                int at = Arrays.binarySearch(spaced, scalar.getStartMark().getIndex());
                int next = at >= 0 ? at : -at - 1;
                if (next < spaced.length && spaced[next] < scalar.getEndMark().getIndex()) {
                    throw new SpacedScalar();
                }
            }
        }

        JsonNode convert(Node node, String pointer, int depth) {
            if (++nodes > limits.maxNodes()) {
                throw new InputException(position(file, node.getStartMark()), String.format(Locale.ROOT,
                        "document has more than %,d nodes (mappings, lists and values, aliases expanded)", limits.maxNodes()));
            }
            pathCharacters += pointer.length();
            if (pathCharacters > limits.maxPathCharacters()) {
                throw new InputException(position(file, node.getStartMark()), String.format(Locale.ROOT,
                        "the paths to this document's values add up to more than %,d characters (long keys nested deeply)",
                        limits.maxPathCharacters()));
            }
            if (depth > limits.maxDepth()) {
                throw new InputException(position(file, node.getStartMark()),
                        "YAML nested too deeply (limit " + limits.maxDepth() + " levels)");
            }
            map.putValue(pointer, node.getStartMark().getLine() + 1, node.getStartMark().getColumn() + 1);
            if (inProgress.containsKey(node)) {
                throw new InputException(position(file, node.getStartMark()), "recursive YAML alias");
            }
            inProgress.put(node, Boolean.TRUE);
            try {
                if (node instanceof ScalarNode scalar) {
                    count(scalar.getValue().length(), scalar);
                    return scalar(scalar);
                }
                if (node instanceof SequenceNode seq) {
                    ArrayNode array = NODES.arrayNode();
                    int i = 0;
                    for (Node item : seq.getValue()) {
                        array.add(convert(item, Pointers.child(pointer, i++), depth + 1));
                    }
                    return array;
                }
                MappingNode mapping = (MappingNode) node;
                ObjectNode object = NODES.objectNode();
                // in order, as kubectl's reader does: a merge (<<) overwrites the keys before it, and a key
                // after it overwrites what it merged; only a key written twice is a duplicate
                Set<String> written = new HashSet<>();
                for (NodeTuple tuple : mapping.getValue()) {
                    if (tuple.getKeyNode().getTag().equals(Tag.MERGE)) {
                        merged(tuple.getValueNode(), pointer, depth).properties().forEach(e -> object.set(e.getKey(), e.getValue()));
                    } else {
                        putEntry(object, tuple, pointer, depth, written);
                    }
                }
                return object;
            } finally {
                inProgress.remove(node);
            }
        }

        private void putEntry(ObjectNode object, NodeTuple tuple, String pointer, int depth, Set<String> written) {
            Node keyNode = tuple.getKeyNode();
            if (!(keyNode instanceof ScalarNode keyScalar)) {
                throw new InputException(position(file, keyNode.getStartMark()),
                        "a mapping key must be a plain value, not a mapping or a list");
            }
            String key = keyText(keyScalar);
            count(key.length(), keyScalar);
            String child = Pointers.child(pointer, key);
            if (!written.add(key)) {
                throw new InputException(position(file, keyNode.getStartMark()),
                        duplicateKey(key));
            }
            map.putKey(child, keyNode.getStartMark().getLine() + 1, keyNode.getStartMark().getColumn() + 1);
            object.set(key, convert(tuple.getValueNode(), child, depth + 1));
        }

        /**
         * Keys and values, counted as often as aliases repeat them: without aliases a document holds
         * fewer characters than its input has bytes, so more can only come from aliases to scalars
         * (which the alias limit, counting aliases to mappings and lists, lets through): 20,000 aliases
         * to a 1 MB value would be 20 GB of values, where no Kubernetes object holds more than 3 MB.
         */
        private void count(int length, Node node) {
            characters += length;
            if (characters > limits.maxBytes()) {
                throw new InputException(position(file, node.getStartMark()), String.format(Locale.ROOT,
                        "document expands to more than %,d characters of keys and values (an alias bomb?)", limits.maxBytes()));
            }
        }

        /** What a merge key brings: a mapping, or of a list of mappings the first that has each key. */
        private ObjectNode merged(Node source, String pointer, int depth) {
            if (source instanceof MappingNode m) {
                return (ObjectNode) convert(m, pointer + "/<<", depth + 1);
            }
            if (source instanceof SequenceNode s) {
                ObjectNode out = NODES.objectNode();
                for (Node n : s.getValue()) {
                    if (!(n instanceof MappingNode m)) {
                        throw new InputException(position(file, n.getStartMark()),
                                "a merge key (<<) must name a mapping or a list of mappings");
                    }
                    ((ObjectNode) convert(m, pointer + "/<<", depth + 1)).properties().forEach(e -> {
                        if (!out.has(e.getKey())) {
                            out.set(e.getKey(), e.getValue());
                        }
                    });
                }
                return out;
            }
            throw new InputException(position(file, source.getStartMark()),
                    "a merge key (<<) must name a mapping or a list of mappings");
        }

        /**
         * A key as kubectl names it in the JSON the API server gets (see {@link KubectlScalars#keyName}):
         * y and n are true and false, 010 is 8, 0x1F 31, 1_000 1000; a null key it refuses, and so does this.
         */
        private String keyText(ScalarNode key) {
            refuseSpaced(key);
            try {
                return KubectlScalars.keyName(KubectlScalars.resolve(key.getValue(), KubectlScalars.tagOf(key)), key.getValue());
            } catch (KubectlScalars.Refused e) {
                throw new InputException(position(file, key.getStartMark()), e.getMessage());
            }
        }

        private JsonNode scalar(ScalarNode scalar) {
            refuseSpaced(scalar);
            try {
                String text = scalar.getValue();
                Tag tag = KubectlScalars.tagOf(scalar);
                JsonNode read = WrittenScalars.of(KubectlScalars.asJson(KubectlScalars.resolve(text, tag), text), text);
                return tag.equals(KubectlScalars.PLAIN) || tag.equals(Tag.TIMESTAMP) ? WrittenScalars.plain(read, text) : read;
            } catch (KubectlScalars.Refused e) {
                throw new InputException(position(file, scalar.getStartMark()), e.getMessage());
            }
        }
    }
}
