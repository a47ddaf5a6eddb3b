package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedPatternsTest {
    @Test
    void whatJavaCannotReadIsSaidInWords() {
        assertEquals("pattern '([' is not a regular expression flinkops can check (Unclosed character class)",
                BoundedPatterns.whyNot("([").orElseThrow());
        assertTrue(BoundedPatterns.whyNot("^[a-z]+(?P<rest>-[a-z]+)*$").isEmpty());
        assertThrows(java.util.regex.PatternSyntaxException.class, () -> BoundedPatterns.compile("(?P<unclosed"));
    }
}
