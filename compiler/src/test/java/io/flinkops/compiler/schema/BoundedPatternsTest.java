package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class BoundedPatternsTest {
    @Test
    void goNamedGroupsMatchAsPlainGroups() {
        Pattern version = BoundedPatterns.compile("^(?P<major>[0-9]+)\\.(?P<minor_part>[0-9]+)$");
        assertTrue(BoundedPatterns.find(version, "1.20"));
        assertFalse(BoundedPatterns.find(version, "1.x"));
        assertEquals("^(?:[0-9]+)$", BoundedPatterns.withoutGoGroupNames("^(?P<n>[0-9]+)$"));
    }

    @Test
    void anEscapedParenthesisOrOneInAClassIsNoGroup() {
        assertEquals("a\\(?P<b>", BoundedPatterns.withoutGoGroupNames("a\\(?P<b>"));
        assertEquals("[(?P<x>]", BoundedPatterns.withoutGoGroupNames("[(?P<x>]"));
        assertEquals("[]](?:y)", BoundedPatterns.withoutGoGroupNames("[]](?P<x>y)"));
        assertEquals("[^]](?:y)", BoundedPatterns.withoutGoGroupNames("[^]](?P<x>y)"));
        assertTrue(BoundedPatterns.find(BoundedPatterns.compile("^a\\(?P<b>$"), "a(P<b>"));
    }

    @Test
    void whatJavaCannotReadIsSaidInWords() {
        assertEquals("pattern '([' is not a regular expression flinkops can check (Unclosed character class)",
                BoundedPatterns.whyNot("([").orElseThrow());
        assertTrue(BoundedPatterns.whyNot("^[a-z]+(?P<rest>-[a-z]+)*$").isEmpty());
        assertThrows(java.util.regex.PatternSyntaxException.class, () -> BoundedPatterns.compile("(?P<unclosed"));
    }
}
