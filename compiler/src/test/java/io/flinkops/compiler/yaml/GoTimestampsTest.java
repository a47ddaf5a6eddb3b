package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.testing.KubectlKustomize;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plain date or time reads as its text to kubectl, and as Go's RFC 3339 text through kustomize
 * (go-yaml v3): {@link WrittenScalars#asYaml12} against the installed {@code kubectl kustomize}.
 */
class GoTimestampsTest {
    private static final String CONFIG_MAP = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: cm, namespace: ns}
            data:
              date: 2024-01-01
              short: 2024-1-2
              lower-t: 2001-12-14t21:59:43.10-05:00
              long-fraction: 2001-12-14T21:59:43.123456789012Z
              spaced: 2001-12-14 21:59:43.10
              no-such-day: 2024-02-30
              spaced-zone: 2001-12-14 21:59:43.10 -5
              utc-offset: 2024-01-01T10:00:00+00:00
              minus-zero: 2024-01-01T10:00:00-00:00
              offset: 2024-01-01T10:00:00+05:30
              hour-25: 2024-01-01T25:00:00Z
              month-13: 2024-13-01
              no-seconds: 2024-01-01T10:00Z
              five-digit-year: 12024-01-01
              comma: 2024-01-01T10:00:00,5Z
              short-time: 2024-01-01T1:2:3Z
              zero-fraction: 2024-01-01T10:00:00.000Z
              quoted: "2024-01-01"
              word: release-2024-01-01
            """;

    @TempDir
    Path dir;

    @Test
    void plainDatesReachJsonAsKustomizeWritesThem() throws Exception {
        Files.writeString(dir.resolve("cm.yaml"), CONFIG_MAP);
        Files.writeString(dir.resolve("kustomization.yaml"), "resources: [cm.yaml]\n");
        JsonNode rendered = read(KubectlKustomize.render(dir)).path("data");
        JsonNode asKubectlReads = read(CONFIG_MAP).path("data");
        JsonNode asKustomizeReads = WrittenScalars.asYaml12(asKubectlReads);
        assertEquals(rendered, asKustomizeReads);
        assertEquals("2024-01-01T00:00:00Z", asKustomizeReads.path("date").textValue());
        // kubectl, reading the file itself, keeps every one as written
        asKubectlReads.properties().forEach(e -> assertTrue(e.getValue().isTextual() && CONFIG_MAP.contains(e.getKey() + ": "
                + e.getValue().textValue()) || e.getKey().equals("quoted"), e.getKey()));
    }

    private static JsonNode read(String text) {
        return new YamlReader().read("cm.yaml", text.getBytes(StandardCharsets.UTF_8)).get(0).root();
    }
}
