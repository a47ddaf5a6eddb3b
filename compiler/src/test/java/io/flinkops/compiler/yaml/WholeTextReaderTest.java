package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.scanner.ScannerImpl;
import org.yaml.snakeyaml.tokens.AliasToken;
import org.yaml.snakeyaml.tokens.AnchorToken;
import org.yaml.snakeyaml.tokens.ScalarToken;
import org.yaml.snakeyaml.tokens.Token;

class WholeTextReaderTest {
    /** Every token SnakeYAML's scanner makes of the text, with its value and both marks; or where it failed. */
    private static List<String> tokens(StreamReader reader) {
        ScannerImpl scanner = new ScannerImpl(reader, new LoaderOptions());
        List<String> out = new ArrayList<>();
        try {
            while (!scanner.checkToken(Token.ID.StreamEnd)) {
                Token t = scanner.getToken();
                out.add(describe(t) + " " + at(t.getStartMark()) + "-" + at(t.getEndMark()));
            }
        } catch (MarkedYAMLException e) {
            out.add("error " + e.getProblem() + " " + at(e.getProblemMark()));
        }
        return out;
    }

    private static String describe(Token t) {
        String value = t instanceof ScalarToken s ? s.getValue() + " " + s.getStyle()
                : t instanceof AnchorToken a ? a.getValue() : t instanceof AliasToken a ? a.getValue() : "";
        return t.getTokenId() + "(" + value + ")";
    }

    private static String at(Mark m) {
        return m == null ? "-" : m.getLine() + ":" + m.getColumn() + "@" + m.getIndex();
    }

    @Test
    void scansEveryTextAsSnakeYamlsOwnReaderDoes() {
        List<String> texts = List.of(
                "apiVersion: v1\nkind: FlinkJob\nmetadata: {name: a, labels: {x: \"y\"}}\n",
                "a: |\n  line one\n  line two\nb: >-\n  folded\n  text\n# a comment\nc: 'it''s'\n",
                "crlf: 1\r\nnext: 2\r\n",
                "lone-cr: 1\rnext: 2\r",
                "emoji: \"\uD83D\uDE80 launch\"\nafter: \uD83D\uDE80x\nkey\uD83D\uDE80: v\n",
                "nel: a\u0085b: c\u2028d: e\n",
                "\uFEFFbom: 1\n",
                "docs: 1\n---\nsecond: [1, 2, {x: y}]\n...\n--- third\n",
                "anchors: &a {x: 1}\nuse: *a\nmerge: {<<: *a}\n",
                "bad: [1, 2\nnext: 3\n",
                "a:\n\tb: 1\n",
                "quoted: \"a\\tb\\u00e9\\\n  continued\"\n",
                "");
        for (String text : texts) {
            assertEquals(tokens(new StreamReader(text)), tokens(new WholeTextReader(text)), text);
        }
    }

    @Test
    void aLongValueIsReadInLinearTimeAndMemory() {
        // SnakeYAML's own reader copies its window at every 1,024 characters: some 20 GB of garbage here
        String text = "a: " + "x".repeat(4_000_000) + "\n";
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();
        LocatedDocument doc = new YamlReader().parse("long.yaml", text).get(0);
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertEquals(4_000_000, doc.root().path("a").textValue().length());
        assertTrue(allocated < 200L * 1024 * 1024, "allocated " + allocated + " bytes");
    }
}
