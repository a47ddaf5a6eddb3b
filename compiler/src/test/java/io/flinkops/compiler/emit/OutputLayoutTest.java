package io.flinkops.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.yaml.SourceMap;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class OutputLayoutTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static EmittedObject object(String root, String kind, String name, String file) {
        return object(root, kind, name, file, null);
    }

    private static EmittedObject object(String root, String kind, String name, String file, String wave) {
        ObjectNode o = YAML.createObjectNode().put("apiVersion", "v1").put("kind", kind);
        ObjectNode metadata = o.putObject("metadata").put("name", name).put("namespace", root);
        if (wave != null) {
            metadata.putObject("annotations").put("argocd.argoproj.io/sync-wave", wave);
        }
        return new EmittedObject("dev", root, o, Origin.identity(SourceMap.at(new SourceLocation(file, 1, 1))));
    }

    @Test
    void oneManifestPerRootWithItsObjectsInSyncWaveKindAndNameOrder() throws Exception {
        List<EmittedObject> objects = List.of(
                object("b", "ServiceAccount", "flink", "environments/dev/environment.yaml"),
                object("a", "NetworkPolicy", "z", "environments/dev/z.yaml", "-2"),
                object("a", "FlinkDeployment", "y", "environments/dev/y.yaml"),
                object("a", "FlinkDeployment", "session", "environments/dev/s.yaml", "-1"),
                object("a", "Namespace", "a", "environments/dev/environment.yaml", "-3"),
                object("a", "NetworkPolicy", "x", "environments/dev/x.yaml", "-2"));
        SortedMap<String, byte[]> files = OutputLayout.layout("dev", objects, Map.of());
        assertEquals(List.of("dev/a/kustomization.yaml", "dev/a/manifest.yaml", "dev/b/kustomization.yaml", "dev/b/manifest.yaml"),
                new ArrayList<>(files.keySet()));
        String manifest = new String(files.get("dev/a/manifest.yaml"), StandardCharsets.UTF_8);
        List<String> order = new ArrayList<>();
        for (JsonNode d : YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifest).readAll()) {
            order.add(d.path("kind").asText() + "/" + d.path("metadata").path("name").asText());
        }
        assertEquals(List.of("Namespace/a", "NetworkPolicy/x", "NetworkPolicy/z", "FlinkDeployment/session", "FlinkDeployment/y"), order);
        assertEquals(true, manifest.contains("---\n# from environments/dev/x.yaml\napiVersion: v1\nkind: NetworkPolicy\n"), manifest);
        JsonNode kustomization = YAML.readTree(files.get("dev/a/kustomization.yaml"));
        assertEquals("[\"manifest.yaml\"]", kustomization.path("resources").toString());
    }

    @Test
    void aLineBreakInASourceFileNameStaysInsideTheComment() throws Exception {
        for (String brk : List.of("\n", "\r", "\u0085", "\u2028", "\u2029")) {
            EmittedObject o = object("a", "NetworkPolicy", "x", "environments/dev/x" + brk + "kind: Secret" + brk + ".yaml");
            String manifest = new String(OutputLayout.layout("dev", List.of(o), Map.of()).get("dev/a/manifest.yaml"), StandardCharsets.UTF_8);
            List<JsonNode> docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(manifest).readAll();
            assertEquals(1, docs.size());
            assertEquals("NetworkPolicy", docs.get(0).path("kind").asText());
            assertFalse(manifest.contains(brk + "kind: Secret"), manifest);
        }
    }
}
