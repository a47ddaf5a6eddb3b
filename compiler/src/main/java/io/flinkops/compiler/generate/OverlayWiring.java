package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.load.Overlay;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.yaml.LocatedDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Wires overlays into the roots they target, checked as kustomize will build each root: extra
 * resources first (an object may appear once in a root), then patches in the order the
 * kustomization lists them (each needs its target; {@code $patch: delete} takes the target away
 * from the patches after it). A root that kustomize would refuse is a finding, not an output.
 */
public final class OverlayWiring {
    /** Per root, every object in it and where it came from: an overlay's path, or "" when flinkops emits it. */
    private final Map<String, Map<String, String>> contents = new TreeMap<>();
    /** Per root and output file name, the overlay copied under that name. */
    private final Map<String, String> fileNames = new HashMap<>();
    /** Per root and object, the overlay whose {@code $patch: delete} removed it. */
    private final Map<String, String> deletedBy = new HashMap<>();

    private OverlayWiring(List<EmittedObject> objects) {
        for (EmittedObject o : objects) {
            contents.computeIfAbsent(o.root(), r -> new HashMap<>()).put(key(o.identity()), ""); // without parsing a packed object
        }
    }

    /** The kustomization entries (resources, patches) per root; findings for overlays that cannot be wired. */
    public static Map<String, ObjectNode> entries(List<Overlay> overlays, List<EmittedObject> objects, Diagnostics diagnostics) {
        OverlayWiring wiring = new OverlayWiring(objects);
        List<Overlay> ordered = new ArrayList<>();
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.RESOURCE).forEach(ordered::add);
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.PATCH).forEach(ordered::add);
        Map<String, ObjectNode> extras = new TreeMap<>();
        for (Overlay o : ordered) {
            Optional<Diagnostic> problem = wiring.shapeProblem(o)
                    .or(() -> o.kind() == Overlay.Kind.RESOURCE ? wiring.addResource(o) : wiring.applyPatch(o));
            if (problem.isPresent()) {
                diagnostics.add(problem.get());
                continue;
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

    /** What makes an overlay unusable whatever the root holds: no such root, no identity, kustomize's own config, a clashing file name. */
    private Optional<Diagnostic> shapeProblem(Overlay o) {
        LocatedDocument doc = o.document();
        JsonNode root = doc.root();
        String kind = root.path("kind").asText("");
        if (!contents.containsKey(o.root())) {
            return invalid(doc, "", "overlay targets root '" + o.root() + "', which this environment does not emit (roots: "
                    + String.join(", ", contents.keySet()) + ")", "Move the file under overlays/<env>/<root>/ of an existing root.");
        }
        if (kind.isEmpty() || root.path("metadata").path("name").asText("").isEmpty() || !root.path("apiVersion").isTextual()) {
            return invalid(doc, kind.isEmpty() ? "/kind" : "/metadata/name", "overlay needs apiVersion, kind and metadata.name",
                    "Add apiVersion, kind and metadata.name.");
        }
        if (root.path("apiVersion").asText().startsWith("kustomize.config.k8s.io/")) {
            return invalid(doc, "/kind", "a " + kind + " is kustomize's configuration, not a resource or a patch (and may pull remote bases)",
                    "Put the objects themselves under resources/, and patches under patches/.");
        }
        String sameFile = fileNames.putIfAbsent(o.root() + "/" + o.outputName(), o.path());
        if (sameFile != null) {
            return invalid(doc, "", "overlay would be written as " + o.outputName() + " in root " + o.root() + ", as " + sameFile + " is",
                    "Rename one of the two files.");
        }
        return Optional.empty();
    }

    private Optional<Diagnostic> addResource(Overlay o) {
        JsonNode root = o.document().root();
        String first = contents.get(o.root()).putIfAbsent(key(root), o.path());
        if (first == null) {
            return Optional.empty();
        }
        return invalid(o.document(), "/metadata/name", "resource " + shown(root) + " is already in root " + o.root()
                        + (first.isEmpty() ? ", emitted by flinkops" : ", from " + first) + " (kustomize refuses an object twice)",
                "Patch the object instead (overlays/<env>/<root>/patches/), or give the resource a name of its own.");
    }

    private Optional<Diagnostic> applyPatch(Overlay o) {
        JsonNode root = o.document().root();
        String key = key(root);
        Map<String, String> content = contents.get(o.root());
        if (content.containsKey(key)) {
            if ("delete".equals(root.path("$patch").asText(""))) {
                content.remove(key);
                deletedBy.put(o.root() + "\n" + key, o.path());
            }
            return Optional.empty();
        }
        String deleter = deletedBy.get(o.root() + "\n" + key);
        if (deleter != null) {
            return invalid(o.document(), "/metadata/name", "patch targets " + shown(root) + ", which " + deleter
                    + " deletes before it (kustomize applies patches in file-name order)", "Drop this patch, or the delete.");
        }
        boolean noNamespace = root.path("metadata").path("namespace").asText("").isEmpty();
        return invalid(o.document(), "/metadata/name", "patch targets " + shown(root) + ", which root " + o.root() + " does not emit"
                        + (noNamespace ? " (kustomize matches the namespace too, and the patch has none)" : ""),
                "Name an object of that root (apiVersion, kind, metadata.name and metadata.namespace), or delete the patch.");
    }

    private static Optional<Diagnostic> invalid(LocatedDocument doc, String pointer, String message, String fix) {
        return Optional.of(Problems.of(OverlayLoader.INVALID, pointer.isEmpty() ? doc.start() : doc.sourceMap().best(pointer),
                pointer, message, fix));
    }

    /** Kustomize's identity of an object in a root: group, version, kind, namespace, name. */
    private static String key(JsonNode object) {
        return key(EmittedObject.Identity.of(object));
    }

    private static String key(EmittedObject.Identity id) {
        return id.apiVersion() + "\n" + id.kind() + "\n" + id.namespace() + "\n" + id.name();
    }

    private static String shown(JsonNode object) {
        String namespace = object.path("metadata").path("namespace").asText("");
        return object.path("kind").asText("") + " '" + (namespace.isEmpty() ? "" : namespace + "/") + object.path("metadata").path("name").asText("") + "'";
    }
}
