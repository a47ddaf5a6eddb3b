package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flinkops.compiler.yaml.JsonTrees;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaNodesTest {
    private static final List<String> TEXTS = List.of("savepoint", "", "a\"b\\c", "line\nbreak\ttab\r\u0000\u001f\u007f",
            "é 数据 🚀 \u2028 \u200b", "</script>", "'single'");

    /** A schema's text prints as Jackson prints it, and is the same value as any text node of that text. */
    @Test
    void aSchemaTextIsTheTextJacksonWouldPrint() {
        for (String text : TEXTS) {
            TextNode plain = JsonNodeFactory.instance.textNode(text);
            TextNode quoted = SchemaNodes.INSTANCE.textNode(text);
            assertInstanceOf(SchemaNodes.QuotedText.class, quoted);
            assertEquals(plain.toString(), quoted.toString(), text);
            assertEquals(plain, quoted);
            assertEquals(quoted, plain);
            assertEquals(plain.hashCode(), quoted.hashCode());
        }
    }

    /** An enum of such texts judges and words its finding as one of plain text nodes does. */
    @Test
    void anEnumOfSchemaTextsJudgesAndWordsAsBefore() throws Exception {
        String schema = "{\"type\": \"object\", \"properties\": {\"mode\": {\"enum\": [\"stateless\", \"last-state\", \"a\\\"b\", 2]}}}";
        byte[] bytes = schema.getBytes(StandardCharsets.UTF_8);
        CompiledSchema plain = CompiledSchema.compile(JsonTrees.read(bytes));
        CompiledSchema quoted = CompiledSchema.compile(JsonTrees.read(bytes, 0, bytes.length, SchemaNodes.INSTANCE));
        for (String document : List.of("{\"mode\": \"stateless\"}", "{\"mode\": \"savepoint\"}", "{\"mode\": \"a\\\"b\"}", "{\"mode\": 2}")) {
            JsonNode doc = JsonTrees.read(document.getBytes(StandardCharsets.UTF_8));
            assertEquals(plain.validate(doc), quoted.validate(doc), document);
        }
        JsonNode wrong = JsonTrees.read("{\"mode\": \"savepoint\"}".getBytes(StandardCharsets.UTF_8));
        assertEquals(1, quoted.validate(wrong).size());
        assertEquals(1, quoted.validate(SchemaNodes.copy(wrong)).size());
    }
}
