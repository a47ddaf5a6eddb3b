package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A CRD's pattern matches in the schema check what it matches in the API server, which runs Go's regexp. */
class GoPatternsTest {
    private static boolean matches(String goPattern, String value) {
        return BoundedPatterns.find(BoundedPatterns.compile(goPattern), value);
    }

    @Test
    void namedGroupsMatchAsPlainGroups() {
        assertTrue(matches("^(?P<major>[0-9]+)\\.(?P<minor_part>[0-9]+)$", "1.20"));
        assertFalse(matches("^(?P<major>[0-9]+)\\.(?P<minor_part>[0-9]+)$", "1.x"));
        assertTrue(matches("^(?<minor_part>[0-9]+)$", "20"));
        assertEquals("^(?:[0-9]+)$", GoPatterns.toJava("^(?P<n>[0-9]+)$"));
    }

    @Test
    void anEscapedParenthesisOrOneInAClassIsNoGroup() {
        assertEquals("a\\(?P<b>", GoPatterns.toJava("a\\(?P<b>"));
        assertEquals("[(?P<x>]", GoPatterns.toJava("[(?P<x>]"));
        assertEquals("[\\]](?:y)", GoPatterns.toJava("[]](?P<x>y)"));
        assertEquals("[^\\]](?:y)", GoPatterns.toJava("[^]](?P<x>y)"));
        assertTrue(matches("^a\\(?P<b>$", "a(P<b>"));
    }

    @Test
    void asciiClassesAreGosNotNestedClasses() {
        // Java alone reads [[:alpha:]] as one of ':', 'a', 'l', 'p', 'h'
        assertTrue(matches("^[[:alpha:]]+$", "Flink"));
        assertFalse(matches("^[[:alpha:]]+$", "::"));
        assertTrue(matches("^[[:alnum:]_-]+$", "job_1-a"));
        assertTrue(matches("^[[:^space:]]+$", "no-spaces"));
        assertFalse(matches("^[[:^space:]]+$", "a b"));
        assertTrue(matches("^[[:word:]]+$", "a_1"));
        assertTrue(matches("^[[:xdigit:]]{4}$", "beEF"));
    }

    @Test
    void whatGoReadsAsLiteralStaysLiteral() {
        assertTrue(matches("^[a[]+$", "a[a"));            // '[' in a class
        assertTrue(matches("^[a&&b]+$", "a&&b"));         // no intersection in Go
        assertFalse(matches("^[a&&b]+$", "c"));
        assertTrue(matches("^a\\vb$", "a\u000Bb"));       // \v is the vertical tab alone
        assertFalse(matches("^a\\vb$", "a\nb"));
        assertTrue(matches("^\\p{Greek}+$", "λόγος"));    // a script name
        assertTrue(matches("^\\pL\\p{Lu}$", "aB"));
        assertEquals("\\p{Alpha}\\p{IsHan}", GoPatterns.toJava("\\p{Alpha}\\p{Han}")); // Java's own ASCII class stays as written
        assertTrue(matches("^(?U)a+$", "aaa"));          // lazy in Go: the same values match
        assertTrue(matches("^(?iU:a+)$", "AaA"));
        assertTrue(matches("^\\Q[:alpha:]\\E$", "[:alpha:]"));
        assertTrue(matches("^\\p{Any}+$", "a\n\u00e9"));             // every code point
        assertFalse(matches("^\\P{Any}$", "a"));
    }

    @Test
    void whatGoRefusesIsNamed() {
        assertEquals(Optional.of("Go's regexp has no look-around"), GoPatterns.whyGoRefuses("^(?!kube-).*$"));
        assertEquals(Optional.of("Go's regexp has no look-around"), GoPatterns.whyGoRefuses("(?<=a)b"));
        assertEquals(Optional.of("Go's regexp has no atomic groups"), GoPatterns.whyGoRefuses("(?>a+)b"));
        assertEquals(Optional.of("\\1 is a back-reference, which Go's regexp does not have"), GoPatterns.whyGoRefuses("(a)\\1"));
        assertEquals(Optional.of("a possessive repetition (*+) is an error in Go's regexp"), GoPatterns.whyGoRefuses("a*+"));
        assertEquals(Optional.of("a possessive repetition (}+) is an error in Go's regexp"), GoPatterns.whyGoRefuses("a{2}+"));
        assertEquals(Optional.of("Go's regexp repeats at most 1000 times: {1,1001}"), GoPatterns.whyGoRefuses("^a{1,1001}$"));
        assertEquals(Optional.of("\\h is not an escape Go's regexp knows"), GoPatterns.whyGoRefuses("a\\hb"));
        assertEquals(Optional.of("[:foo:] is not a character class Go's regexp knows"), GoPatterns.whyGoRefuses("^[[:foo:]]+$"));
        assertEquals(Optional.of("Go's regexp reads only the flags i, m, s and U, as (?flags) or (?flags:re)"),
                GoPatterns.whyGoRefuses("(?x)a b"));
        for (String fine : new String[] {"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$", "(?i)^s3a?://", "^(?P<n>x)(?:y)$", "[+*?]+",
                "^\\d{1,1000}$", "\\Q(?=\\E", "^[[:alpha:]]$", "a\\.b\\-c", "\\x{1F600}", "(?i-s:a)", "[(?=]"}) {
            assertEquals(Optional.empty(), GoPatterns.whyGoRefuses(fine), fine);
        }
    }
}
