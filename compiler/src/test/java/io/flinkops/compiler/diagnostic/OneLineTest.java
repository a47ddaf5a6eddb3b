package io.flinkops.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class OneLineTest {
    @Test
    void aLocationIsOneLineWhateverTheFileIsCalled() {
        assertEquals("environments/dev/job.yaml:3:5", new SourceLocation("environments/dev/job.yaml", 3, 5).toString());
        assertEquals("environments/dev/a\\nerror: forged\\r\\t\\u0000\\u2028.yaml:1:1",
                SourceLocation.start("environments/dev/a\nerror: forged\r\t\u0000\u2028.yaml").toString());
    }

    @Test
    void whatCannotBeSeenOrReordersTheLineIsEscaped() {
        assertEquals("state\\u200bmachine", OneLine.of("state\u200bmachine"));        // zero-width space
        assertEquals("x\\u202eenil-eno", OneLine.of("x\u202eenil-eno"));              // right-to-left override
        assertEquals("\\u2066a\\u2069", OneLine.of("\u2066a\u2069"));                  // isolates
        assertEquals("no\\u00a0break \\ufeffbom \\u00adsoft", OneLine.of("no\u00a0break \ufeffbom \u00adsoft"));
        assertEquals("c1 \\u0085 \\u009b", OneLine.of("c1 \u0085 \u009b"));
        assertEquals("lone \\ud800 half \\udc00", OneLine.of("lone \ud800 half \udc00"));
        assertEquals("tag \\udb40\\udc01", OneLine.of("tag \udb40\udc01"));            // U+E0001, a format character
        assertEquals("private \\ue000", OneLine.of("private \ue000"));
    }

    @Test
    void lettersOfEveryScriptAndSymbolsPrintAsThemselves() {
        String text = "überwachung.yaml Ωmega 数据 ✓ 🚀 'quoted' \"double\" a\\b";
        assertSame(text, OneLine.of(text));
        assertEquals("🚀\\u200b", OneLine.of("🚀\u200b"));
    }
}
