package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class PointersTest {
    private static JsonNode document(String json) throws Exception {
        return new ObjectMapper().readTree(json);
    }

    @Test
    void listIndexesAreBracketedAndNumericKeysAreNot() throws Exception {
        JsonNode doc = document("{\"spec\": {\"args\": [\"a\", \"b\"], \"1\": \"x\"}}");
        assertEquals("spec.args[1]", Pointers.dotted("/spec/args/1", doc));
        assertEquals("spec.1", Pointers.dotted("/spec/1", doc));
        assertEquals("(document)", Pointers.dotted("", doc));
    }

    @Test
    void escapedPartsReadBackAsTheKeysWritten() throws Exception {
        JsonNode doc = document("{\"metadata\": {\"annotations\": {\"a/b~c\": \"x\"}}}");
        String pointer = Pointers.of("metadata", "annotations", "a/b~c");
        assertEquals("/metadata/annotations/a~1b~0c", pointer);
        assertEquals("metadata.annotations.a/b~c", Pointers.dotted(pointer, doc));
    }

    @Test
    void anEmptyKeyIsNamedNotDropped() throws Exception {
        JsonNode doc = document("{\"spec\": {\"\": \"x\"}, \"\": 1}");
        assertEquals("spec.\"\"", Pointers.dotted("/spec/", doc));
        assertEquals("\"\"", Pointers.dotted("/", doc));
    }
}
