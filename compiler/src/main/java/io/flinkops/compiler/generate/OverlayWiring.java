package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.load.Overlay;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.Problems;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Wires overlays into the roots they target, checked as kustomize will build each root: extra
 * resources first (an object may appear once in a root), then patches in the order the
 * kustomization lists them (each needs its target; {@code $patch: delete} takes the target away
 * from the patches after it). A root that kustomize would refuse is a finding, not an output.
 */
public final class OverlayWiring {
    private OverlayWiring() {}

    /** The kustomization entries (resources, patches) per root; findings for overlays that cannot be wired. */
    public static Map<String, ObjectNode> entries(List<Overlay> overlays, List<EmittedObject> objects, Diagnostics diagnostics) {
        Map<String, Map<String, String>> contents = new TreeMap<>(); // root -> object -> the overlay that added it ("" for emitted)
        for (EmittedObject o : objects) {
            contents.computeIfAbsent(o.root(), r -> new HashMap<>()).put(key(o.object()), "");
        }
        List<Overlay> ordered = new ArrayList<>();
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.RESOURCE).forEach(ordered::add);
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.PATCH).forEach(ordered::add);
        Map<String, ObjectNode> extras = new TreeMap<>();
        Map<String, String> fileNames = new HashMap<>();
        Map<String, String> deletedBy = new HashMap<>();
        for (Overlay o : ordered) {
            var doc = o.document();
            JsonNode root = doc.root();
            String kind = root.path("kind").asText("");
            String name = root.path("metadata").path("name").asText("");
            Map<String, String> content = contents.get(o.root());
            if (content == null) {
                diagnostics.add(Problems.of(OverlayLoader.INVALID, doc.start(), "",
                        "overlay targets root '" + o.root() + "', which this environment does not emit (roots: "
                                + String.join(", ", contents.keySet()) + ")",
                        "Move the file under overlays/<env>/<root>/ of an existing root."));
                continue;
            }
            if (kind.isEmpty() || name.isEmpty() || !root.path("apiVersion").isTextual()) {
                diagnostics.add(Problems.of(OverlayLoader.INVALID, doc.sourceMap().best(kind.isEmpty() ? "/kind" : "/metadata/name"), "",
                        "overlay needs apiVersion, kind and metadata.name", "Add apiVersion, kind and metadata.name."));
                continue;
            }
            if (root.path("apiVersion").asText().startsWith("kustomize.config.k8s.io/")) {
                diagnostics.add(Problems.of(OverlayLoader.INVALID, doc.sourceMap().best("/kind"), "/kind",
                        "a " + kind + " is kustomize's configuration, not a resource or a patch (and may pull remote bases)",
                        "Put the objects themselves under resources/, and patches under patches/."));
                continue;
            }
            String sameFile = fileNames.putIfAbsent(o.root() + "/" + o.outputName(), o.path());
            if (sameFile != null) {
                diagnostics.add(Problems.of(OverlayLoader.INVALID, doc.start(), "",
                        "overlay would be written as " + o.outputName() + " in root " + o.root() + ", as " + sameFile + " is",
                        "Rename one of the two files."));
                continue;
            }
            String key = key(root);
            String shown = shown(root);
            if (o.kind() == Overlay.Kind.RESOURCE) {
                String first = content.putIfAbsent(key, o.path());
                if (first != null) {
                    diagnostics.add(Problems.of(OverlayLoader.INVALID, doc.sourceMap().best("/metadata/name"), "/metadata/name",
                            "resource " + shown + " is already in root " + o.root() + (first.isEmpty() ? ", emitted by flinkops" : ", from " + first)
                                    + " (kustomize refuses an object twice)",
                            "Patch the object instead (overlays/<env>/<root>/patches/), or give the resource a name of its own."));
                    continue;
                }
            } else if (!content.containsKey(key)) {
                String deleter = deletedBy.get(o.root() + "\n" + key);
                String namespace = root.path("metadata").path("namespace").asText("");
                diagnostics.add(Problems.of(OverlayLoader.INVALID, doc.sourceMap().best("/metadata/name"), "/metadata/name",
                        deleter != null
                                ? "patch targets " + shown + ", which " + deleter + " deletes before it (kustomize applies patches in file-name order)"
                                : "patch targets " + shown + ", which root " + o.root() + " does not emit"
                                        + (namespace.isEmpty() ? " (kustomize matches the namespace too, and the patch has none)" : ""),
                        deleter != null
                                ? "Drop this patch, or the delete."
                                : "Name an object of that root (apiVersion, kind, metadata.name and metadata.namespace), or delete the patch."));
                continue;
            } else if ("delete".equals(root.path("$patch").asText(""))) {
                content.remove(key);
                deletedBy.put(o.root() + "\n" + key, o.path());
            }
            ObjectNode entry = extras.computeIfAbsent(o.root(), r -> JsonNodeFactory.instance.objectNode());
            if (o.kind() == Overlay.Kind.PATCH) {
                entry.withArray("patches").addObject().put("path", o.outputName());
            } else {
                entry.withArray("resources").add(o.outputName());
            }
        }
        return extras;
    }

    /** Kustomize's identity of an object in a root: group, version, kind, namespace, name. */
    private static String key(JsonNode object) {
        JsonNode meta = object.path("metadata");
        return object.path("apiVersion").asText("") + "\n" + object.path("kind").asText("") + "\n"
                + meta.path("namespace").asText("") + "\n" + meta.path("name").asText("");
    }

    private static String shown(JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        return object.path("kind").asText("") + " '" + (namespace.isEmpty() ? "" : namespace + "/") + object.path("metadata").path("name").asText("") + "'";
    }
}
