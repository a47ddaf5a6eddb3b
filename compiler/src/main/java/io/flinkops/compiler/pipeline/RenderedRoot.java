package io.flinkops.compiler.pipeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.Kustomize;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.load.Overlay;
import io.flinkops.compiler.yaml.Pointers;
import io.flinkops.compiler.yaml.SourceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The objects of a root as kustomize rendered it ({@code kubectl kustomize build/manifests/<env>/<root>}),
 * placed and located as what they are: objects its Argo CD Application deploys into the root's namespace,
 * made of the generated manifest and of what the environment's overlays wrote.
 */
final class RenderedRoot {
    private RenderedRoot() {}

    /** The stream's objects in the namespace their Application deploys them to, each part located where it was written. */
    static List<EmittedObject> asDeployed(List<EmittedObject> objects, List<Overlay> overlays) {
        return withOverlayOrigins(inRootNamespace(objects), overlays);
    }

    /**
     * A rendered root of a workload namespace creates that namespace (its one Namespace object) and is
     * synced by an Application whose destination it is: an object kustomize left without a namespace (an
     * overlay's extra resource) is deployed there, so it is judged there, not in "default".
     */
    private static List<EmittedObject> inRootNamespace(List<EmittedObject> objects) {
        List<String> created = objects.stream()
                .filter(o -> o.object().path("kind").asText().equals("Namespace") && o.object().path("apiVersion").asText().equals("v1"))
                .map(o -> o.object().path("metadata").path("name").asText(""))
                .toList();
        if (created.size() != 1 || created.get(0).isEmpty()) {
            return objects;
        }
        return objects.stream().map(o -> o.inNamespace(created.get(0))).toList();
    }

    /**
     * In a rendered root, what an overlay wrote is found where it was written: an extra resource is its
     * file, and a value a patch sets (reached through mappings; a list it replaces whole) is in the patch,
     * the last patch of the root that sets it, as kustomize applies them in order. A finding on what a
     * patch changed then names the patch's line, not the line of kustomize's output.
     */
    private static List<EmittedObject> withOverlayOrigins(List<EmittedObject> objects, List<Overlay> overlays) {
        if (overlays.isEmpty()) {
            return objects;
        }
        Map<EmittedObject.Identity, SourceMap> resources = new HashMap<>();
        Map<EmittedObject.Identity, Map<String, SourceMap>> patched = new HashMap<>();
        for (Overlay o : overlays) {
            JsonNode root = o.document().root();
            EmittedObject.Identity id = EmittedObject.Identity.of(root);
            if (id.namespace().isEmpty()) {
                id = new EmittedObject.Identity(id.apiVersion(), id.kind(), o.root(), id.name());
            }
            if (o.kind() == Overlay.Kind.RESOURCE) {
                resources.put(id, o.document().sourceMap());
            } else {
                Map<String, SourceMap> written = patched.computeIfAbsent(id, k -> new TreeMap<>());
                // kustomize replaces every list of such a patch's target whole (it knows no keys to merge them by)
                boolean wholeLists = Kustomize.mergesWithoutKeys(root);
                patchedValues(root.path("spec"), "/spec", o.document().sourceMap(), written, wholeLists);
                patchedValues(root.path("metadata").path("labels"), "/metadata/labels", o.document().sourceMap(), written, wholeLists);
                patchedValues(root.path("metadata").path("annotations"), "/metadata/annotations", o.document().sourceMap(), written,
                        wholeLists);
            }
        }
        List<EmittedObject> out = new ArrayList<>();
        for (EmittedObject o : objects) {
            EmittedObject.Identity id = o.identity();
            SourceMap resource = resources.get(id);
            Map<String, SourceMap> written = patched.get(id);
            if (resource == null && written == null) {
                out.add(o);
                continue;
            }
            Origin origin = resource != null ? Origin.identity(resource) : Origin.identity(o.origin().sourceMap());
            if (written != null) {
                written.forEach((pointer, patch) -> origin.mapTo(pointer, patch, pointer));
            }
            out.add(new EmittedObject(o.environment(), o.root(), o.object(), origin));
        }
        return out;
    }

    private static void patchedValues(JsonNode node, String pointer, SourceMap patch, Map<String, SourceMap> written, boolean wholeLists) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (!e.getKey().startsWith("$")) {
                    patchedValues(e.getValue(), Pointers.child(pointer, e.getKey()), patch, written, wholeLists);
                }
            });
        } else if (node.isArray()) {
            // a list of values is replaced whole; one of mappings is merged by key, its indexes not the patch's,
            // unless kustomize merges the target without keys
            boolean values = true;
            for (JsonNode item : node) {
                values &= item.isValueNode();
            }
            if (values || wholeLists) {
                written.put(pointer, patch);
            }
        } else if (!node.isMissingNode()) {
            written.put(pointer, patch);
        }
    }
}
