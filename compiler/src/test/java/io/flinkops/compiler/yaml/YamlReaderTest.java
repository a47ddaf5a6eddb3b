package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.InputException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Positions are recorded for every node, YAML 1.1 scalars read as kubectl reads them, and hostile input is refused with a position. */
class YamlReaderTest {
    private final YamlReader reader = new YamlReader();

    private InputException refused(String text) {
        return assertThrows(InputException.class, () -> reader.read("f.yaml", text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void recordsKeyAndValuePositions() {
        LocatedDocument doc = reader.parse("f.yaml", """
                a:
                  b: [1, 2]
                  c:
                    - d: x
                """).get(0);
        assertEquals("f.yaml:2:3", doc.sourceMap().key("/a/b").toString());
        assertEquals("f.yaml:2:6", doc.sourceMap().value("/a/b").toString());
        assertEquals("f.yaml:2:10", doc.sourceMap().value("/a/b/1").toString());
        assertEquals("f.yaml:4:7", doc.sourceMap().key("/a/c/0/d").toString());
        assertEquals("f.yaml:4:7", doc.sourceMap().best("/a/c/0/d/missing").toString());
    }

    @Test
    void scalarsResolveLikeKubectl() {
        JsonNode n = reader.parse("f.yaml", """
                yes1: yes
                on1: on
                n1: n
                octal: 0777
                hex: 0x1F
                float: 1.5
                quoted: "2"
                date: 2026-01-31
                sexagesimal: 1:20
                nothing:
                tilde: ~
                huge: 1.0e400
                """).get(0).root();
        assertTrue(n.get("yes1").booleanValue());
        assertTrue(n.get("on1").booleanValue());
        assertTrue(n.get("n1").isBoolean() && !n.get("n1").booleanValue());
        assertEquals(511, n.get("octal").intValue());
        assertEquals(31, n.get("hex").intValue());
        assertEquals(1.5, n.get("float").doubleValue());
        assertTrue(n.get("quoted").isTextual());
        assertEquals("2026-01-31", n.get("date").textValue());
        assertEquals("1:20", n.get("sexagesimal").textValue());
        assertTrue(n.get("nothing").isNull());
        assertTrue(n.get("tilde").isNull());
        assertEquals("1.0e400", n.get("huge").textValue()); // no double holds it; kubectl keeps it as text too
    }

    @Test
    void mergeKeysAndAliasesExpand() {
        JsonNode n = reader.parse("f.yaml", """
                base: &base {cpu: 1, memory: 2g}
                tm:
                  <<: *base
                  memory: 4g
                """).get(0).root();
        assertEquals(1, n.path("tm").path("cpu").intValue());
        assertEquals("4g", n.path("tm").path("memory").textValue());
    }

    @Test
    void aSeparatorLineHoldsOnlyWhiteSpaceOrAComment() {
        InputException e = refused("a: 1\n--- |\n  text\n");
        assertEquals("f.yaml:2:5", e.location().toString());
        assertTrue(e.getMessage().startsWith("'--- |' is not a document separator"), e.getMessage());
        List<LocatedDocument> docs = reader.parse("f.yaml", "a: 1\n---#one\nb: 2\n---\t\nc: 3\n");
        assertEquals(3, docs.size());
        assertEquals("f.yaml:5:1", docs.get(2).sourceMap().key("/c").toString());
    }

    @Test
    void tabsBetweenTokensReadAsSpacesAndTabsInValuesStay() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            many.append("k").append(i).append(":\t[").append(i).append(",\t\"a\tb\"]\n");
        }
        JsonNode n = reader.parse("f.yaml", many.toString()).get(0).root();
        assertEquals(500, n.size());
        assertEquals("[499,\"a\\tb\"]", n.get("k499").toString());
        SourceMap at = reader.parse("f.yaml", "a:\t1\nb:\t2\n").get(0).sourceMap();
        assertEquals("f.yaml:2:4", at.value("/b").toString()); // the column of the 2 as written, after the tab
    }

    @Test
    void tabsReadOneAtATimeStopAtTheirLimit() {
        StringBuilder tagged = new StringBuilder();
        for (int i = 0; i <= YamlReader.MAX_TABS_ONE_AT_A_TIME; i++) {
            tagged.append("k").append(i).append(": !!str\t").append(i).append('\n');
        }
        InputException e = refused(tagged.toString());
        assertEquals(YamlReader.MAX_TABS_ONE_AT_A_TIME + 1, e.location().line());
        assertTrue(e.getMessage().contains("tab"), e.getMessage());
        String within = tagged.substring(0, tagged.indexOf("k" + YamlReader.MAX_TABS_ONE_AT_A_TIME + ":"));
        assertEquals("63", reader.parse("f.yaml", within).get(0).root().path("k63").textValue());
    }

    @Test
    void aFileThatOpensWithABraceIsAStreamOfJsonObjectsWithPositions() {
        List<LocatedDocument> docs = reader.parse("f.json", "\n {\"a\": {\"b\": 2.0}}\n{\"c\": [1, \"x\"]}");
        assertEquals(2, docs.size());
        assertEquals("{\"b\":2}", docs.get(0).root().path("a").toString());
        assertEquals("f.json:2:9", docs.get(0).sourceMap().key("/a/b").toString());
        assertEquals("f.json:3:11", docs.get(1).sourceMap().value("/c/1").toString());
        InputException yamlInBraces = refused("{a: 1}\n");
        assertEquals("f.yaml:1:2", yamlInBraces.location().toString());
        assertTrue(yamlInBraces.getMessage().startsWith("invalid JSON (the file starts with '{'"), yamlInBraces.getMessage());
        assertEquals("f.yaml:1:10", refused("{\"a\": 1, \"a\": 2}").location().toString());
    }

    @Test
    void aDirectiveIsRefusedAsKubectlCutsItFromItsDocument() {
        InputException e = refused("# header\n%YAML 1.1\n---\na: 1\n");
        assertEquals("f.yaml:2:1", e.location().toString());
        assertTrue(e.getMessage().startsWith("a YAML directive ('%YAML 1.1')"), e.getMessage());
        assertEquals("f.yaml:3:1", refused("a: 1\n---\n%TAG ! tag:x.org,2000:\n---\nb: 2\n").location().toString());
    }

    @Test
    void aByteOrderMarkOpeningALaterDocumentIsDropped() {
        List<LocatedDocument> docs = reader.parse("f.yaml", "a: 1\n---\n\uFEFFb: 2\n");
        assertEquals(2, docs.size());
        assertEquals(2, docs.get(1).root().path("b").intValue());
        assertEquals("f.yaml:3:1", docs.get(1).sourceMap().key("/b").toString());
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondKey() {
        InputException e = refused("a: 1\nb: 2\na: 3\n");
        assertEquals("f.yaml:3:1", e.location().toString());
        assertTrue(e.getMessage().contains("duplicate key 'a'"));
    }

    @Test
    void tabsAndSyntaxErrorsNameTheirPosition() {
        InputException tab = refused("a:\n\tb: 1\n");
        assertEquals(2, tab.location().line());
        assertTrue(tab.getMessage().contains("tab"), tab.getMessage());
        InputException bad = refused("a: [1, 2\nb: 3\n");
        assertTrue(bad.location().line() >= 1 && bad.getMessage().startsWith("invalid YAML"), bad.oneLine());
    }

    @Test
    void billionLaughsIsRefusedQuickly() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
            }
            sb.append("]\n");
        }
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(sb.toString()));
    }

    @Test
    void aliasExpansionWithinTheAliasLimitIsStillBounded() {
        StringBuilder sb = new StringBuilder("a0: &a0 [x, x]\n");
        for (int i = 1; i < 16; i++) {
            sb.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        sb.append("top: [*a15, *a15]\n");
        InputException e = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> refused(sb.toString()));
        assertTrue(e.getMessage().contains("alias") || e.getMessage().contains("nodes"), e.getMessage());
    }

    @Test
    void aDocumentHoldsAtMostTheNodeLimit() {
        // 100,000 nodes: the root mapping, the list, and 99,998 items; one more is refused at the item past the limit
        String within = "items: [" + "1, ".repeat(99_997) + "1]\n";
        assertEquals(99_998, reader.parse("f.yaml", within).get(0).root().path("items").size());
        InputException e = refused("items: [" + "1, ".repeat(99_998) + "1]\n");
        assertEquals("f.yaml:1:" + (9 + 3 * 99_998), e.location().toString());
        assertTrue(e.getMessage().contains("document has more than 100,000 nodes"), e.getMessage());
    }

    @Test
    void aliasesToALongValueCannotMultiplyItPastTheInputLimit() {
        // 20,000 aliases to a 1 MB value: 20 GB of values from a 1 MB file, where aliases to scalars are not counted
        String bomb = "args: [&a \"" + "x".repeat(1_000_000) + "\"" + ", *a".repeat(20_000) + "]\n";
        InputException e = refused(bomb);
        assertEquals("f.yaml:1:8", e.location().toString()); // the value the aliases repeat
        assertTrue(e.getMessage().contains("document expands to more than 4,194,304 characters of keys and values"), e.getMessage());
        // repeating short values is what aliases are for
        String fine = "image: &i registry.example.com/flink:1.17.2\nimages: [" + "*i, ".repeat(5_000) + "*i]\n";
        assertEquals(5_001, reader.parse("f.yaml", fine).get(0).root().path("images").size());
    }

    @Test
    void longKeysNestedDeeplyCannotMakeGigabytesOfPaths() {
        // every value's path repeats its 60 ancestors' 1,000-character keys: 90,000 values took 18 s and 5.5 GB
        StringBuilder sb = new StringBuilder();
        for (int d = 0; d < 60; d++) {
            sb.append("  ".repeat(d)).append("k").append(d).append("x".repeat(1000)).append(":\n");
        }
        sb.append("  ".repeat(60)).append("{");
        for (int i = 0; i < 400; i++) {
            sb.append(i == 0 ? "" : ", ").append("l").append(i).append(": v");
        }
        sb.append("}\n");
        InputException e = refused(sb.toString());
        assertEquals(61, e.location().line());
        assertTrue(e.getMessage().contains("paths to this document's values add up to more than 16,777,216 characters"), e.getMessage());
    }

    @Test
    void deepNestingIsRefused() {
        String deep = "a: " + "[".repeat(500) + "]".repeat(500) + "\n";
        InputException e = refused(deep);
        assertTrue(e.getMessage().contains("nest"), e.getMessage());
    }

    @Test
    void hugeBinaryAndNonUtf8FilesAreRefused() {
        byte[] huge = new byte[(int) YamlLimits.DEFAULT.maxBytes() + 1];
        java.util.Arrays.fill(huge, (byte) 'a');
        assertTrue(assertThrows(InputException.class, () -> reader.read("big.yaml", huge)).getMessage().contains("over the limit"));
        InputException nul = assertThrows(InputException.class, () -> reader.read("bin.yaml", new byte[] {'a', ':', ' ', 0, 1}));
        assertEquals("bin.yaml:1:4", nul.location().toString());
        InputException latin1 = assertThrows(InputException.class, () -> reader.read("l.yaml", "a: 1\nb: caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1)));
        assertEquals("l.yaml:2:7", latin1.location().toString());
    }

    /** UTF-16 after its byte order mark is text, as kubectl and kustomize read it; without one, or UTF-32, it is not. */
    @Test
    void utf16WithItsByteOrderMarkIsReadAndPositionsCountCharacters() {
        String text = "a: caf\u00e9\nb: \ud83d\ude00\nc: [1, x]\n";
        for (var charset : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) { // Java's UTF_16 writes big-endian
            byte[] bytes = text.getBytes(charset);
            if (charset == StandardCharsets.UTF_16LE) {
                byte[] marked = new byte[bytes.length + 2];
                marked[0] = (byte) 0xFF;
                marked[1] = (byte) 0xFE;
                System.arraycopy(bytes, 0, marked, 2, bytes.length);
                bytes = marked;
            }
            assertEquals(text, YamlReader.shown(bytes)); // as a pull request's diff shows a copied overlay
            LocatedDocument doc = reader.read("w.yaml", bytes).get(0);
            assertEquals("caf\u00e9", doc.root().get("a").asText());
            assertEquals("\ud83d\ude00", doc.root().get("b").asText());
            assertEquals("w.yaml:3:8", doc.sourceMap().value("/c/1").toString());
        }
        InputException unmarked = assertThrows(InputException.class, () -> reader.read("u.yaml", text.getBytes(StandardCharsets.UTF_16BE)));
        assertEquals("u.yaml:1:1", unmarked.location().toString());
        assertTrue(unmarked.getMessage().contains("UTF-16 without a byte order mark"), unmarked.getMessage());
        InputException utf32 = assertThrows(InputException.class, () -> reader.read("t.yaml", new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0, 'a', 0, 0, 0}));
        assertTrue(utf32.getMessage().contains("UTF-32"), utf32.getMessage());
        byte[] loneSurrogate = {(byte) 0xFE, (byte) 0xFF, 0, 'a', 0, ':', 0, ' ', (byte) 0xD8, 0x3D, 0, '\n'};
        InputException broken = assertThrows(InputException.class, () -> reader.read("s.yaml", loneSurrogate));
        assertEquals("s.yaml:1:4 text is not valid UTF-16 (save the file as UTF-8)", broken.location() + " " + broken.getMessage());
        byte[] nul = {(byte) 0xFE, (byte) 0xFF, 0, 'a', 0, ':', 0, ' ', 0, 0};
        assertEquals("n.yaml:1:4", assertThrows(InputException.class, () -> reader.read("n.yaml", nul)).location().toString());
    }

    @Test
    void emptyAndCommentOnlyFilesHaveNoDocuments() {
        assertEquals(List.of(), reader.parse("f.yaml", ""));
        assertEquals(List.of(), reader.parse("f.yaml", "# only a comment\n---\n# another\n"));
    }

    @Test
    void recursiveAliasIsRefused() {
        InputException e = refused("a: &a\n  b: *a\n");
        assertTrue(e.getMessage().contains("recursive") || e.getMessage().contains("alias"), e.getMessage());
    }

    /** Keys that are not text in YAML 1.1 are named as kubectl's reader names them in the JSON it sends. */
    @Test
    void keysReadAsKubectlReadsThem() {
        JsonNode root = new YamlReader().read("f.yaml", "y: 1\nN: 2\n\"y2\": 3\n010: 5\n0x1F: 6\n1_000: 7\n'010': 8\n1.5: 9\n"
                .getBytes(StandardCharsets.UTF_8)).get(0).root();
        assertEquals(List.of("true", "false", "y2", "8", "31", "1000", "010", "1.5"), iterate(root.fieldNames()), root.toString());
        assertTrue(refused("y: 1\n'n': 2\non: 3\n").getMessage().startsWith("duplicate key 'true'"));
        InputException nullKey = refused("a: 1\n~: 2\n");
        assertEquals("f.yaml:2:1", nullKey.location().toString());
        assertTrue(nullKey.getMessage().startsWith("a mapping key that is null ('~')"), nullKey.getMessage());
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> out = new java.util.ArrayList<>();
        names.forEachRemaining(out::add);
        return out;
    }

    @Test
    void complexKeysAreRefused() {
        InputException e = refused("? [a, b]\n: 1\n");
        assertTrue(e.getMessage().contains("key"), e.getMessage());
    }

    /** A boolean or number written otherwise than it reads keeps its text, and is Jackson's own value in every other respect. */
    @Test
    void scalarsReadOtherwiseThanWrittenKeepTheirText() throws Exception {
        JsonNode doc = reader.read("f.yaml", "x: {a: yes, b: 1.10, c: 010, d: 0x10, e: 1_000, f: 2.0, g: 4, h: true, i: \"1.10\", j: 1.5}"
                .getBytes(StandardCharsets.UTF_8)).get(0).root().get("x");
        assertEquals(List.of("yes", "1.10", "010", "0x10", "1_000", "2.0", "4", "true", "1.10", "1.5"),
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j").stream().map(k -> WrittenScalars.text(doc.get(k))).toList());
        assertEquals(List.of(true, true, true, true, true, true, false, false, false, false),
                List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j").stream().map(k -> WrittenScalars.readOtherwise(doc.get(k))).toList());
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode plain = json.readTree("{\"a\": true, \"b\": 1.1, \"c\": 8, \"d\": 16, \"e\": 1000, \"f\": 2, \"g\": 4, \"h\": true,"
                + " \"i\": \"1.10\", \"j\": 1.5}");
        assertEquals(plain, doc);
        assertEquals(doc, plain);
        assertEquals(json.writeValueAsString(plain), json.writeValueAsString(doc));
    }
}
