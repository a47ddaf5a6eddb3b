package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldSuggestionsTest {
    private static final List<String> JOB = List.of("jarURI", "parallelism", "entryClass", "args", "state", "upgradeMode",
            "savepointTriggerNonce", "initialSavepointPath", "allowNonRestoredState", "savepointRedeployNonce");

    @Test
    void aLikelySpellingIsNamed() {
        assertEquals(Optional.of("jarURI"), FieldSuggestions.closest("jarUri", JOB));         // case
        assertEquals(Optional.of("parallelism"), FieldSuggestions.closest("paralelism", JOB)); // a letter left out
        assertEquals(Optional.of("upgradeMode"), FieldSuggestions.closest("upgradMdoe", JOB)); // and two swapped
        assertEquals(Optional.of("state"), FieldSuggestions.closest("stat", JOB));
        assertEquals(Optional.of("entryClass"), FieldSuggestions.closest("entry", JOB));       // the one field it begins
    }

    @Test
    void nothingIsNamedWhenNothingIsClose() {
        assertEquals(Optional.empty(), FieldSuggestions.closest("surprise", JOB));
        assertEquals(Optional.empty(), FieldSuggestions.closest("savepoint", JOB));           // begins three fields
        assertEquals(Optional.empty(), FieldSuggestions.closest("ab", List.of("ax", "ay")));   // two as close
        assertEquals(Optional.empty(), FieldSuggestions.closest("x", List.of()));
    }

    @Test
    void aValueOutsideAnEnumIsMatchedByHowItIsWrittenNotByHowCloseAVersionIs() {
        List<String> modes = List.of("last-state", "savepoint", "stateless");
        List<String> versions = List.of("v1_17", "v1_18", "v1_19", "v1_20");
        assertEquals(Optional.of("last-state"), FieldSuggestions.closestValue("last_state", modes));
        assertEquals(Optional.of("savepoint"), FieldSuggestions.closestValue("Savepoint", modes));
        assertEquals(Optional.of("savepoint"), FieldSuggestions.closestValue("savepiont", modes));
        assertEquals(Optional.of("v1_17"), FieldSuggestions.closestValue("1.17", versions));
        assertEquals(Optional.of("v1_18"), FieldSuggestions.closestValue("V1_18", versions));
        assertEquals(Optional.empty(), FieldSuggestions.closestValue("stateful", modes));
        assertEquals(Optional.empty(), FieldSuggestions.closestValue("v1_21", versions));
        assertEquals(Optional.empty(), FieldSuggestions.closestValue("v2_0", versions));
    }

    @Test
    void theDistanceCountsSwapsAsOneEditAndStopsAtItsCap() {
        assertEquals(1, FieldSuggestions.distance("ab", "ba", 3));
        assertEquals(3, FieldSuggestions.distance("kitten", "sitting", 3));
        assertEquals(4, FieldSuggestions.distance("a", "abcdefgh", 3));
    }
}
