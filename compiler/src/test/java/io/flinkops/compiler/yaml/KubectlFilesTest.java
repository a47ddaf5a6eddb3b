package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole files against the real kubectl: 600 put together at random (a fixed seed) of documents in
 * YAML, flow style and JSON, Lists, separators, comments, a byte order mark and directives. Each is
 * refused by both, or both read the same objects, by name and in order.
 */
class KubectlFilesTest {
    @TempDir
    Path dir;

    @Test
    void randomFilesHoldTheObjectsKubectlReadsInThem() throws Exception {
        Random r = new Random(20261202);
        String[] seps = {"---\n", "--- # c\n", "---\t\n", "...\n---\n", "---\n---\n", "# c\n---\n", "---\n# only\n", "--- \n\n"};
        String[] heads = {"", "# head\n", "\n\n", "---\n", "  \n", "\uFEFF", "%YAML 1.1\n---\n"};
        Path folder = Files.createDirectory(dir.resolve("cases"));
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < 600; i++) {
            String name = String.format("f%03d", i);
            StringBuilder sb = new StringBuilder(heads[r.nextInt(heads.length)]);
            int docs = 1 + r.nextInt(3);
            for (int d = 0; d < docs; d++) {
                if (d > 0) {
                    sb.append(seps[r.nextInt(seps.length)]);
                }
                String obj = name + "-" + d;
                switch (r.nextInt(4)) {
                    case 0 -> sb.append("{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"" + obj + "\"}}\n");
                    case 1 -> sb.append("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: " + obj + "}\n");
                    case 2 -> sb.append("kind: ConfigMap\napiVersion: v1\nmetadata:\n  name: " + obj + "\ndata:\n  k: |\n    ---\n    x\n");
                    default -> sb.append("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ConfigMap\n  metadata:\n    name: " + obj + "\n");
                }
            }
            files.put(name, sb.toString());
            Files.writeString(folder.resolve(name + ".yaml"), sb.toString());
        }
        KubectlReading kubectl = KubectlReading.of(folder, dir);
        Map<String, List<String>> kube = new TreeMap<>();
        for (JsonNode o : kubectl.objects()) {
            String n = o.path("metadata").path("name").asText();
            kube.computeIfAbsent(n.substring(0, 4), k -> new ArrayList<>()).add(n);
        }
        Set<String> refused = kubectl.refused();
        YamlReader reader = new YamlReader();
        List<String> diffs = new ArrayList<>();
        for (var e : files.entrySet()) {
            String mine;
            try {
                List<String> names = new ArrayList<>();
                for (LocatedDocument d : reader.read(e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8))) {
                    JsonNode root = d.root();
                    if (root.path("kind").asText().equals("List")) {
                        root.path("items").forEach(item -> names.add(item.path("metadata").path("name").asText()));
                    } else {
                        names.add(root.path("metadata").path("name").asText());
                    }
                }
                mine = names.toString();
            } catch (InputException refusal) {
                mine = "refused";
            }
            String theirs = refused.contains(e.getKey()) ? "refused" : String.valueOf(kube.getOrDefault(e.getKey(), List.of()));
            if (!mine.equals(theirs)) {
                diffs.add(e.getKey() + " " + e.getValue().replace("\n", "\\n") + " => flinkops " + mine + " kubectl " + theirs);
            }
        }
        assertTrue(refused.size() > 50 && kube.size() > 300, "both sides of the verdict are exercised");
        assertEquals(List.of(), diffs);
    }
}
