package io.flinkops.compiler.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.yaml.JsonTrees;
import io.flinkops.compiler.yaml.YamlReader;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The spec schemas a run reads are the build's JSON of the YAML source, node types and all. */
class SpecSchemasTest {
    @Test
    void thePrecompiledSchemasAreTheYamlSource() throws Exception {
        byte[] yaml;
        try (InputStream in = SpecSchemas.class.getResourceAsStream(SpecSchemas.RESOURCE)) {
            yaml = in.readAllBytes();
        }
        var fromYaml = new YamlReader().read(SpecSchemas.RESOURCE, yaml).get(0).root();
        assertEquals(fromYaml, JsonTrees.read(SpecSchemas.precompile(yaml)));
        byte[] built;
        try (InputStream in = SpecSchemas.class.getResourceAsStream("/io/flinkops/compiler/model/" + SpecSchemas.PRECOMPILED)) {
            built = in.readAllBytes();
        }
        assertEquals(fromYaml.toString(), JsonTrees.read(built).toString(), "the build wrote them from the present source");
        SpecSchemas schemas = new SpecSchemas();
        for (SpecKind kind : SpecSchemas.kinds()) {
            assertEquals(kind.kind(), schemas.schemaOf(kind).path("title").asText());
        }
    }
}
