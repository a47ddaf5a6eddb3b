package io.flinkops.compiler.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile values in every spec field that reaches the output come back as the same data, never as structure. */
class InjectionTest {
    static final List<String> HOSTILE = List.of(
            "a\nb: injected", "---\nkind: Secret", "x: y", "&anchor value", "*alias", "'single' \"double\"",
            "# not a comment", "- list item", "{flow: map}", "[1, 2]", "yes", "null", "0777", "  leading space",
            "trailing colon:", "%TAG ! tag:", "@at", "`tick`", "tab\there", "\u00e9\u00e8 unicode \u2603", "!!binary x");

    private static final java.util.regex.Pattern LABEL_VALUE = java.util.regex.Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    @TempDir
    Path dir;

    @Test
    void hostileValuesRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
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
            List<JsonNode> documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(repo.read("out/dev/analytics/manifest.yaml")).readAll();
            // the hostile job adds exactly its FlinkDeployment to the root's stream, and nothing else
            assertEquals(others + 1, documents.size(), value);
            List<JsonNode> named = documents.stream().filter(d -> d.path("metadata").path("name").asText().equals("hostile")).toList();
            assertEquals(1, named.size(), value);
            JsonNode fd = named.get(0);
            assertEquals("FlinkDeployment", fd.path("kind").asText(), value);
            assertEquals(value, fd.path("metadata").path("annotations").path("note").asText(), "annotation " + value);
            if (LABEL_VALUE.matcher(value).matches()) {
                assertEquals(value, fd.path("metadata").path("labels").path("flinkops.io/owner").asText(), "owner " + value);
            } else {
                // the owner becomes a label value: anything else is refused where it is written, before it reaches a label
                repo.edit("environments/dev/hostile.yaml", "owner: data", "owner: " + v);
                Cli.Result refused = Cli.run(repo.root(), "validate", "--categories", "parse");
                assertEquals(1, refused.code(), value + ": " + refused.out());
                assertEquals(List.of("environments/dev/hostile.yaml:9:3 spec-invalid"), refused.out().lines()
                        .filter(l -> l.contains(": error: ")).map(l -> l.substring(0, l.indexOf(": error: ")) + " "
                                + l.substring(l.lastIndexOf('[') + 1, l.length() - 1)).toList(), value + ": " + refused.out());
            }
            assertEquals(value, fd.path("spec").path("image").asText(), "image " + value);
            assertEquals(value, fd.path("spec").path("flinkConfiguration").path("custom.key").asText(), "conf " + value);
            assertEquals(value, fd.path("spec").path("job").path("jarURI").asText(), "jarURI " + value);
            assertEquals(value, fd.path("spec").path("job").path("entryClass").asText(), "entryClass " + value);
            assertEquals(value, fd.path("spec").path("job").path("args").get(0).asText(), "args " + value);
            assertEquals(value, fd.path("spec").path("podTemplate").path("spec").path("containers").get(0).path("env").get(0).path("value").asText());
        }
    }

    private int objectsInAnalyticsWithoutTheJob() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("plain")).withSamples();
        Cli.Result r = Cli.run(repo.root(), "build", "--categories", "parse", "--out", "out");
        assertEquals(0, r.code(), r.out() + r.err());
        return new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).readValues(repo.read("out/dev/analytics/manifest.yaml")).readAll().size();
    }
}
