package io.flinkops.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.KubectlKustomize;
import io.flinkops.compiler.testing.TestRepo;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile values in every spec field that reaches the output come back as the same data, never as structure. */
class InjectionTest {
    static final List<String> HOSTILE = List.of(
            "a\nb: injected", "---\nkind: Secret", "x: y", "&anchor value", "*alias", "'single' \"double\"",
            "# not a comment", "- list item", "{flow: map}", "[1, 2]", "yes", "null", "0777", "  leading space",
            "trailing colon:", "%TAG ! tag:", "@at", "`tick`", "tab\there", "\u00e9\u00e8 unicode \u2603", "!!binary x",
            // text that kubectl or kustomize reads as something else when written plain
            "0x10", "1e3", "1_000", ".inf", "-.Inf", ".NaN", "0o17", "0b101", "+12", "2024-01-01", "2024-1-2 10:00:00",
            "1e-3", "12E3", "Off", "~", "NULL", "1:20", "9223372036854775808");

    private static final java.util.regex.Pattern LABEL_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    @TempDir
    Path dir;

    @Test
    void hostileValuesRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        int others = objectsInAnalyticsWithoutTheJob();
        for (String value : HOSTILE) {
            TestRepo repo = new TestRepo(dir.resolve("r" + Integer.toHexString(value.hashCode()))).withSamples();
            String v = json.writeValueAsString(value); // a JSON string is a valid YAML double-quoted scalar
            repo.file("environments/dev/hostile.yaml", """
                    apiVersion: flinkops.io/v1alpha1
                    kind: FlinkJob
                    metadata:
                      name: hostile
                      namespace: analytics
                      labels: {team: data}
                      annotations: {note: %1$s}
                    spec:
                      owner: %2$s
                      image: %1$s
                      flinkVersion: v1_17
                      size: small
                      flinkConfiguration: {custom.key: %1$s}
                      podTemplate:
                        spec:
                          containers:
                            - name: flink-main-container
                              env: [{name: HOSTILE, value: %1$s}]
                      job:
                        jarURI: %1$s
                        entryClass: %1$s
                        args: [%1$s, "--x"]
                        parallelism: 1
                    """.formatted(v, LABEL_VALUE.matcher(value).matches() ? v : "data"));
            Cli.Result r = Cli.run(repo.root(), "build", "--categories", "parse", "--out", "out");
            assertEquals(0, r.code(), value + ": " + r.out() + r.err());
            // read back as kubectl reads the manifest, and as Argo CD's kustomize renders the root
            List<JsonNode> documents = asKubectlReads(repo.read("out/dev/analytics/manifest.yaml"));
            assertCameBackAsText(value, documents, others);
            assertCameBackAsText(value, asKubectlReads(KubectlKustomize.render(repo.root().resolve("out/dev/analytics"))), others);
            if (!LABEL_VALUE.matcher(value).matches()) {
                // the owner becomes a label value: anything else is refused where it is written, before it reaches a label
                repo.edit("environments/dev/hostile.yaml", "owner: data", "owner: " + v);
                Cli.Result refused = Cli.run(repo.root(), "validate", "--categories", "parse");
                assertEquals(1, refused.code(), value + ": " + refused.out());
                assertEquals(List.of("environments/dev/hostile.yaml:9:3 spec-invalid"), refused.out().lines()
                        .filter(l -> l.contains(": error: ")).map(l -> l.substring(0, l.indexOf(": error: ")) + " "
                                + l.substring(l.lastIndexOf('[') + 1, l.length() - 1)).toList(), value + ": " + refused.out());
            }
        }
    }

    /** The hostile job adds exactly its FlinkDeployment to the root's stream, with the value as text wherever it was written. */
    private static void assertCameBackAsText(String value, List<JsonNode> documents, int others) {
        assertEquals(others + 1, documents.size(), value);
        List<JsonNode> named = documents.stream().filter(d -> d.path("metadata").path("name").asText().equals("hostile")).toList();
        assertEquals(1, named.size(), value);
        JsonNode fd = named.get(0);
        assertEquals("FlinkDeployment", fd.path("kind").asText(), value);
        assertEquals(value, text(fd.path("metadata").path("annotations").path("note")), "annotation " + value);
        if (LABEL_VALUE.matcher(value).matches()) {
            assertEquals(value, text(fd.path("metadata").path("labels").path("flinkops.io/owner")), "owner " + value);
        }
        assertEquals(value, text(fd.path("spec").path("image")), "image " + value);
        assertEquals(value, text(fd.path("spec").path("flinkConfiguration").path("custom.key")), "conf " + value);
        assertEquals(value, text(fd.path("spec").path("job").path("jarURI")), "jarURI " + value);
        assertEquals(value, text(fd.path("spec").path("job").path("entryClass")), "entryClass " + value);
        assertEquals(value, text(fd.path("spec").path("job").path("args").get(0)), "args " + value);
        assertEquals(value, text(fd.path("spec").path("podTemplate").path("spec").path("containers").get(0).path("env").get(0).path("value")), "env " + value);
    }

    /** A value that must be text: anything else fails, naming what it is. */
    private static String text(JsonNode node) {
        assertTrue(node.isTextual(), node.getNodeType() + " " + node);
        return node.textValue();
    }

    private static List<JsonNode> asKubectlReads(String stream) {
        return new YamlReader().read("manifest.yaml", stream.getBytes(StandardCharsets.UTF_8)).stream().map(LocatedDocument::root).toList();
    }

    private int objectsInAnalyticsWithoutTheJob() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("plain")).withSamples();
        Cli.Result r = Cli.run(repo.root(), "build", "--categories", "parse", "--out", "out");
        assertEquals(0, r.code(), r.out() + r.err());
        return new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(repo.read("out/dev/analytics/manifest.yaml")).readAll().size();
    }
}
