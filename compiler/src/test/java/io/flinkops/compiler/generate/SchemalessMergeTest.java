package io.flinkops.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.emit.YamlWriter;
import io.flinkops.compiler.pipeline.CompileRequest;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.KubectlKustomize;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SchemalessMerge} against the real {@code kubectl kustomize}: hand-written patches with every
 * directive, and patches made at random from the object's own paths, each applied to a copy of one
 * FlinkDeployment in one root, which kustomize renders once; then patches kustomize refuses.
 */
class SchemalessMergeTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String OBJECT = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: NAME
              namespace: ns
              labels: {team: a}
            spec:
              image: flink:1.17
              flinkConfiguration: {a: "1", b: "2", c.d: "3"}
              podTemplate:
                spec:
                  containers:
                    - name: flink-main-container
                      env: [{name: A, value: "1"}]
                  tolerations: [{key: k, operator: Exists}]
              jobManager: {replicas: 1, resource: {memory: 2048m, cpu: 1}}
              job:
                args: [x, "y"]
                upgradeMode: savepoint
                parallelism: 2
            """;
    private static final List<String> HAND_WRITTEN = List.of(
            "spec: {flinkConfiguration: {b: null, e: \"5\"}, job: {upgradeMode: stateless}}",
            "spec: {podTemplate: {spec: {containers: [{name: flink-main-container, env: [{name: B, value: \"2\"}]}]}}}",
            "spec: {job: {args: []}, podTemplate: {spec: {tolerations: null}}}",
            "spec: {flinkConfiguration: {$patch: replace, z: \"9\"}}",
            "spec: {podTemplate: {spec: {$patch: delete}}}",
            "spec: {podTemplate: {$patch: replace}}",
            "spec: {jobManager: {$patch: merge, replicas: 2}}",
            "spec: {ingress: {template: x, className: null, annotations: {$patch: delete, a: b}, labels: {$patch: replace, c: null, d: e}}}",
            "spec: {ingress: {annotations: {x: null}}, restartNonce: null, mode: {$patch: delete}}",
            "spec: {job: {$retainKeys: [upgradeMode], upgradeMode: last-state}, $setElementOrder/foo: [a]}",
            "spec: {podTemplate: {spec: {containers: [{name: flink-main-container, $patch: delete}]}}}",
            "spec: {job: {args: [null, a, {b: null}]}, flinkConfiguration: {}}",
            "spec: {job: {upgradeMode: null, parallelism: 4}, image: null}",
            "metadata: {name: NAME, namespace: ns, labels: {team: null, owner: b}, annotations: {note: x}}",
            "spec: {jobManager: {resource: {memory: 4g, cpu: 2.5}}, taskManager: {replicas: 3}}",
            "$patch: replace\nspec: {image: other}",
            "$patch: merge\nspec: {image: other}",
            "spec: {flinkConfiguration: null, job: {args: null}}",
            // read as kustomize reads them: yes is text, and a value written plain over quoted text stays text as written
            "spec: {flinkConfiguration: {a: 4, b: yes, new: on, newer: 5, c.d: 1_000}, job: {upgradeMode: off, parallelism: \"3\"}}",
            "spec: {image: 0x10, jobManager: {resource: {memory: 2.50, cpu: True}}, podTemplate: {spec: {x: Yes, z: 010}}}");

    @TempDir
    Path dir;

    @Test
    void mergesAsKustomizeDoes() throws Exception {
        List<String> patches = new ArrayList<>();
        for (String body : HAND_WRITTEN) {
            patches.add("apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\n"
                    + (body.startsWith("metadata:") ? "" : "metadata: {name: NAME, namespace: ns}\n") + body + "\n");
        }
        Random random = new Random(2026);
        for (int i = 0; i < 120; i++) {
            ObjectNode patch = NODES.objectNode().put("apiVersion", "flink.apache.org/v1beta1").put("kind", "FlinkDeployment");
            patch.putObject("metadata").put("name", "NAME").put("namespace", "ns");
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                randomChange(object("x"), patch, random);
            }
            patches.add(YamlWriter.write(patch));
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (int i = 0; i < patches.size(); i++) {
            objects.add(object("job-" + i));
            patches.set(i, patches.get(i).replace("NAME", "job-" + i));
        }
        assertRendersAsMerged(dir, objects, patches);
    }

    /**
     * Kubernetes' own kinds flinkops writes into a root, as it writes them for the samples: kustomize merges
     * their patches by their schemas, which give the lists a patch may write here no merge key, so
     * they merge as a custom resource's do.
     */
    @Test
    void mergesFlinkopsOwnKubernetesObjectsAsKustomizeDoes() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        CompileResult result = new Compiler().compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY));
        Map<String, ObjectNode> byKind = new java.util.TreeMap<>();
        result.environments().forEach(e -> e.objects().forEach(o -> {
            if (!o.apiVersion().startsWith("flink.apache.org") && !o.apiVersion().startsWith("argoproj.io")) {
                byKind.putIfAbsent(o.kind(), o.object());
            }
        }));
        // the samples need no ConfigMap
        byKind.putIfAbsent("ConfigMap", read("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: analytics}\n"
                + "data: {a: \"1\", b: x, log4j.properties: \"rootLogger.level = INFO\\n\"}\n"));
        assertEquals(List.of("ConfigMap", "LimitRange", "Namespace", "NetworkPolicy", "ResourceQuota", "Role", "RoleBinding",
                "ServiceAccount"), List.copyOf(byKind.keySet()));
        List<ObjectNode> kinds = List.copyOf(byKind.values());
        List<ObjectNode> objects = new ArrayList<>();
        List<String> patches = new ArrayList<>();
        Random random = new Random(2027);
        for (int i = 0; i < 160; i++) {
            ObjectNode object = kinds.get(i % kinds.size()).deepCopy();
            ((ObjectNode) object.get("metadata")).put("name", "o-" + i);
            ObjectNode patch = NODES.objectNode().put("apiVersion", object.get("apiVersion").asText()).put("kind", object.get("kind").asText());
            patch.set("metadata", ((ObjectNode) object.get("metadata").deepCopy()).retain("name", "namespace"));
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes; c++) {
                randomChange(object, patch, random);
            }
            objects.add(object);
            patches.add(YamlWriter.write(patch));
        }
        assertRendersAsMerged(Files.createDirectories(dir.resolve("own")), objects, patches);
    }

    /** Any custom resource merges so, an AppProject and a PodMonitor as a FlinkDeployment; a Deployment does not. */
    @Test
    void customResourcesOfEveryGroupMergeWithoutKeys() throws Exception {
        String objects = """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: pm, namespace: ns}
                spec:
                  podMetricsEndpoints: [{port: metrics, interval: 30s}, {port: other}]
                  selector: {matchLabels: {app: x}}
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata: {name: p, namespace: argocd}
                spec:
                  destinations: [{namespace: a, server: s}]
                  namespaceResourceWhitelist: [{group: "", kind: ConfigMap}]
                """;
        String patches = """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: pm, namespace: ns}
                spec:
                  podMetricsEndpoints: [{port: metrics, interval: 10s}]
                ---
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata: {name: p, namespace: argocd}
                spec:
                  namespaceResourceWhitelist: [{group: monitoring.coreos.com, kind: PodMonitor}]
                """;
        assertRendersAsMerged(Files.createDirectories(dir.resolve("crs")),
                new YamlReader().read("objects.yaml", objects.getBytes(StandardCharsets.UTF_8)).stream()
                        .map(d -> (ObjectNode) d.root()).toList(),
                List.of(patches.split("---\n")));
        for (String other : List.of("apiVersion: apps/v1\nkind: Deployment", "apiVersion: gateway.networking.k8s.io/v1\nkind: HTTPRoute",
                "apiVersion: v1\nkind: ServiceAccount\nsecrets: [{name: s}]", "apiVersion: v1\nkind: Namespace\nmetadata: {finalizers: [x]}",
                "apiVersion: v1\nkind: ConfigMap\ndata: {$deleteFromPrimitiveList/x: [a]}")) {
            assertFalse(Kustomize.mergesWithoutKeys(read(other)), other);
        }
    }

    /**
     * Renders each object with its patch in one root (the objects written as flinkops writes manifests,
     * the patches as they come, each a patch kustomize merges without keys) and asserts that each comes
     * out of {@code kubectl kustomize} as {@link SchemalessMerge} and {@link Kustomize#asWritten} make it.
     */
    private static void assertRendersAsMerged(Path root, List<ObjectNode> objects, List<String> patches) throws Exception {
        StringBuilder kustomization = new StringBuilder("resources: [objects.yaml]\npatches:\n");
        StringBuilder written = new StringBuilder();
        Map<String, JsonNode> expected = new HashMap<>();
        Map<String, String> patchOf = new HashMap<>();
        for (int i = 0; i < objects.size(); i++) {
            ObjectNode object = objects.get(i);
            String text = patches.get(i);
            ObjectNode patch = asKustomizeReads(text);
            assertTrue(Kustomize.mergesWithoutKeys(patch), text);
            written.append(YamlWriter.write(object)).append("---\n");
            Files.writeString(root.resolve("p" + i + ".yaml"), text);
            kustomization.append("  - path: p").append(i).append(".yaml\n");
            SchemalessMerge.Result merged = SchemalessMerge.apply(object, patch, YamlWriter::writesNonPlain);
            assertTrue(merged.conflict().isEmpty(), text + ": " + merged.conflict());
            String key = object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
            expected.put(key, Kustomize.asWritten(merged.object()));
            patchOf.put(key, text);
        }
        Files.writeString(root.resolve("objects.yaml"), written.toString());
        Files.writeString(root.resolve("kustomization.yaml"), kustomization.toString());
        int compared = 0;
        for (LocatedDocument rendering : new YamlReader().read("rendered", KubectlKustomize.render(root).getBytes(StandardCharsets.UTF_8))) {
            JsonNode doc = rendering.root();
            String key = doc.path("kind").asText() + "/" + doc.path("metadata").path("name").asText();
            assertEquals(doc, expected.get(key), key + " as patched by\n" + patchOf.get(key));
            compared++;
        }
        assertEquals(objects.size(), compared);
    }

    @Test
    void whatKustomizeRefusesIsAConflict() throws Exception {
        Map<String, String> refused = Map.of(
                "spec: {job: {args: x}}", "/spec/job/args",
                "spec: {job: {upgradeMode: [a]}}", "/spec/job/upgradeMode",
                "spec: {job: 5}", "/spec/job",
                "spec: {job: {args: {a: b}}}", "/spec/job/args",
                "spec: {image: {name: x}}", "/spec/image",
                "spec: {flinkConfiguration: {$patch: bogus}}", "/spec/flinkConfiguration/$patch",
                "$patch: bogus\nspec: {image: other}", "/$patch");
        for (Map.Entry<String, String> e : refused.entrySet()) {
            String text = "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\nmetadata: {name: job, namespace: ns}\n" + e.getKey();
            ObjectNode patch = asKustomizeReads(text);
            Path root = Files.createDirectories(dir.resolve("r" + e.getValue().replace('/', '_').replace('$', '_')));
            Files.writeString(root.resolve("objects.yaml"), YamlWriter.write(object("job")));
            Files.writeString(root.resolve("p.yaml"), text);
            Files.writeString(root.resolve("kustomization.yaml"), "resources: [objects.yaml]\npatches:\n  - path: p.yaml\n");
            KubectlKustomize.assertRefused(root);
            SchemalessMerge.Result merged = SchemalessMerge.apply(object("job"), patch, YamlWriter::writesNonPlain);
            assertEquals(e.getValue(), merged.conflict().orElseThrow(() -> new AssertionError(e.getKey() + " merged")).pointer(), e.getKey());
        }
    }

    @Test
    void writtenPointersAreWhatThePatchDecides() throws Exception {
        ObjectNode patch = read("""
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: job, namespace: ns}
                spec:
                  flinkConfiguration: {b: null, nothing: null, e: "5"}
                  ingress: {template: x}
                  job: {args: [z]}
                """);
        SchemalessMerge.Result merged = SchemalessMerge.apply(object("job"), patch, YamlWriter::writesNonPlain);
        assertEquals(List.of("/apiVersion", "/kind", "/metadata/name", "/metadata/namespace", "/spec/flinkConfiguration/b",
                "/spec/flinkConfiguration/e", "/spec/ingress", "/spec/ingress/template", "/spec/job/args"), merged.written());
        assertNotEquals(object("job"), merged.object());
        assertEquals(object("job"), SchemalessMerge.apply(object("job"), read("kind: FlinkDeployment"), YamlWriter::writesNonPlain).object());
    }

    private static ObjectNode object(String name) {
        return read(OBJECT.replace("NAME", name));
    }

    /** A patch as kustomize reads it (YAML 1.2), as OverlayWiring hands it over. */
    private static ObjectNode asKustomizeReads(String text) {
        return Kustomize.asRead(read(text));
    }

    /** A document as flinkops reads an overlay: kubectl's reading, with the text of values written otherwise kept. */
    private static ObjectNode read(String text) {
        return (ObjectNode) new YamlReader().read("patch.yaml", text.getBytes(StandardCharsets.UTF_8)).get(0).root();
    }

    /**
     * One change at a random path of the object (below its spec, mostly), of a shape kustomize merges (it
     * refuses a mapping for a list and the like).
     */
    private static void randomChange(ObjectNode object, ObjectNode patch, Random random) {
        List<String> tops = new ArrayList<>();
        object.fieldNames().forEachRemaining(tops::add);
        // a Role's rules and a RoleBinding's references go through kustomize's name references, which refuse
        // random shapes; they are replaced whole like the rest (checked by hand)
        tops.removeAll(List.of("apiVersion", "kind", "metadata", "rules", "subjects", "roleRef"));
        JsonNode at;
        ObjectNode into;
        if (tops.isEmpty() || random.nextInt(6) == 0) {
            // the metadata a patch may change: labels and annotations
            String map = random.nextBoolean() ? "labels" : "annotations";
            at = object.path("metadata").path(map).isObject() ? object.path("metadata").path(map) : NODES.objectNode();
            into = patch.withObject("/metadata/" + map);
        } else {
            String top = tops.contains("spec") && random.nextInt(4) > 0 ? "spec" : tops.get(random.nextInt(tops.size()));
            if (!object.get(top).isObject()) {
                patch.set(top, value(object.get(top), random));
                return;
            }
            at = object.get(top);
            into = patch.withObject("/" + top);
        }
        while (true) {
            List<String> keys = new ArrayList<>();
            at.fieldNames().forEachRemaining(keys::add);
            keys.add("new" + random.nextInt(3));
            String key = keys.get(random.nextInt(keys.size()));
            JsonNode current = at.get(key);
            JsonNode already = into.get(key);
            if (current != null && current.isObject() && random.nextInt(3) > 0 && (already == null || already.isObject())) {
                at = current;
                into = into.withObject("/" + key.replace("~", "~0").replace("/", "~1"));
                continue;
            }
            into.set(key, value(current, random));
            return;
        }
    }

    private static JsonNode value(JsonNode current, Random random) {
        int pick = random.nextInt(10);
        if (pick == 0) {
            return NODES.nullNode();
        }
        if (current != null && current.isArray() || current == null && pick < 3) {
            ArrayNode list = NODES.arrayNode();
            for (int i = random.nextInt(3); i > 0; i--) {
                list.add(random.nextBoolean() ? NODES.textNode("v" + random.nextInt(9)) : NODES.objectNode().put("name", "n" + i));
            }
            return list;
        }
        if (current != null && current.isObject() || current == null && pick < 6) {
            ObjectNode map = NODES.objectNode();
            switch (random.nextInt(4)) {
                case 0 -> map.put("$patch", "replace");
                case 1 -> map.put("$patch", "delete");
                default -> { }
            }
            map.put("k" + random.nextInt(3), "v");
            if (random.nextBoolean()) {
                map.putNull("gone");
            }
            if (random.nextBoolean()) {
                map.putObject("inner").put("x", random.nextInt(5)).putNull("y");
            }
            return map;
        }
        return switch (random.nextInt(3)) {
            case 0 -> NODES.numberNode(random.nextInt(100));
            case 1 -> NODES.booleanNode(random.nextBoolean());
            default -> NODES.textNode("s" + random.nextInt(100));
        };
    }
}
