package io.flinkops.compiler.diagnostic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DiagnosticTest {
    private static Diagnostic withMessage(String message) {
        return new Diagnostic("r", Category.SCHEMA, Severity.ERROR, new SourceLocation("f.yaml", 1, 1), "", message, "");
    }

    @Test
    void aMessageQuotingAHugeValueIsShortened() {
        String huge = "name '" + "a.".repeat(200_000) + "' is not valid";
        String shown = withMessage(huge).message();
        assertEquals(500, shown.indexOf('…'));
        assertTrue(shown.contains("…[" + (huge.length() - 800) + " characters]…"), shown);
        assertTrue(shown.endsWith("a.a.a.' is not valid"), shown);
        assertTrue(shown.length() < 850, shown);
        assertEquals("short", withMessage("short").message());
        assertEquals("x".repeat(1000), withMessage("x".repeat(1000)).message());
    }

    @Test
    void shorteningNeverSplitsACharacter() {
        String emoji = "x".repeat(499) + "😀".repeat(600) + "y".repeat(299);
        String shown = withMessage(emoji).message();
        assertEquals("x".repeat(499) + "…", shown.substring(0, 500));
        assertTrue(shown.endsWith("…" + "y".repeat(299)), shown);
    }
}
