package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedPatternsTest {
    @Test
    void aPatternTooLongToCompileInTimeIsRefusedInWords() {
        String longest = "a".repeat(BoundedPatterns.MAX_PATTERN_LENGTH);
        assertTrue(BoundedPatterns.whyNot(longest).isEmpty());
        // refused by its length, before java.util.regex spends hours on it
        assertEquals("pattern '" + "a".repeat(60) + "...' is not a regular expression flinkops can check (longer than 10000 characters)",
                BoundedPatterns.whyNot(longest + "a".repeat(4_000_000)).orElseThrow());
    }

    @Test
    void whatJavaCannotReadIsSaidInWords() {
        assertEquals("pattern '([' is not a regular expression flinkops can check (Unclosed character class)",
                BoundedPatterns.whyNot("([").orElseThrow());
        assertTrue(BoundedPatterns.whyNot("^[a-z]+(?P<rest>-[a-z]+)*$").isEmpty());
        assertThrows(java.util.regex.PatternSyntaxException.class, () -> BoundedPatterns.compile("(?P<unclosed"));
    }
}
