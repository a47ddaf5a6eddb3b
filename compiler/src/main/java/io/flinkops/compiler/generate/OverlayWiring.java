package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.load.Overlay;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.GroupKind;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.Pointers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Wires overlays into the roots they target, checked as kustomize will build each root: extra
 * resources first (an object may appear once in a root), then patches in the order the
 * kustomization lists them (each needs its target; {@code $patch: delete} takes the target away
 * from the patches after it). A root that kustomize would refuse is a finding, not an output.
 */
public final class OverlayWiring {
    private static final String LIST_REPLACED = "overlay-list-replaced";
    /** Per root, every object in it and where it came from: an overlay's path, or "" when flinkops emits it. */
    private final Map<String, Map<String, String>> contents = new TreeMap<>();
    /** Per root and output file name, the overlay copied under that name. */
    private final Map<String, String> fileNames = new HashMap<>();
    /** Per root and object, the overlay whose {@code $patch: delete} removed it. */
    private final Map<String, String> deletedBy = new HashMap<>();
    /** Per root and object, the object itself (emitted, or an extra resource as its Application applies it). */
    private final Map<String, EmittedObject> byKey = new HashMap<>();
    /** What the patches make of the objects they change, in patch order; null for an object they delete. */
    private final Map<EmittedObject, EmittedObject> rendered = new IdentityHashMap<>();
    /** Lists of mappings the patches replace whole, dropping items (warnings: the patch still applies). */
    private final List<Diagnostic> replacedLists = new ArrayList<>();

    private final Environment env;
    private final Predicate<String> writtenQuoted;
    /** The environment's AppProject as flinkops emits it (the _argocd patches may change it); null when there is none. */
    private EmittedObject project;

    private OverlayWiring(Environment env, List<EmittedObject> objects, Predicate<String> writtenQuoted) {
        this.env = env;
        this.writtenQuoted = writtenQuoted;
        for (EmittedObject o : objects) {
            String key = key(o.identity()); // without parsing a packed object
            contents.computeIfAbsent(o.root(), r -> new HashMap<>()).put(key, "");
            byKey.put(o.root() + "\n" + key, o);
            if (o.root().equals(ArgoGenerator.ROOT) && o.kind().equals("AppProject")) {
                project = o;
            }
        }
    }

    /**
     * The overlays that can be wired: per root, the kustomization entries (resources, patches); the
     * extra resources of the workload roots as the root's Application will apply them (in the root's
     * namespace), to be checked with the environment's objects; the patches that are not merged here
     * ({@link Kustomize#mergesWithoutKeys}) as written (but those that delete their target), whose fields are checked
     * against the CRD of what they patch; and what the patches make of the objects they change or delete.
     */
    public record Wired(Map<String, ObjectNode> entries, List<EmittedObject> resources, List<EmittedObject> patches,
            Map<EmittedObject, EmittedObject> rendered) {

        /**
         * The objects as kustomize renders their roots: those the patches merged here change as changed
         * (what a patch wrote found in the patch), those a patch deletes left out.
         */
        public List<EmittedObject> asRendered(List<EmittedObject> objects) {
            if (rendered.isEmpty()) {
                return objects;
            }
            List<EmittedObject> out = new ArrayList<>();
            for (EmittedObject o : objects) {
                EmittedObject now = rendered.containsKey(o) ? rendered.get(o) : o;
                if (now != null) {
                    out.add(now);
                }
            }
            return out;
        }
    }

    /**
     * Wires the overlays of an environment; findings for overlays that cannot be wired. The roots' files
     * write a text value quoted (or as a block) when {@code writtenQuoted} says so.
     */
    public static Wired wire(Environment env, List<Overlay> overlays, List<EmittedObject> objects, Diagnostics diagnostics,
            Predicate<String> writtenQuoted) {
        OverlayWiring wiring = new OverlayWiring(env, objects, writtenQuoted);
        List<Overlay> ordered = new ArrayList<>();
        // the AppProject's patches first: the resources of the workload roots are synced under the project they make
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.PATCH && o.root().equals(ArgoGenerator.ROOT)).forEach(ordered::add);
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.RESOURCE).forEach(ordered::add);
        overlays.stream().filter(o -> o.kind() == Overlay.Kind.PATCH && !o.root().equals(ArgoGenerator.ROOT)).forEach(ordered::add);
        Map<String, ObjectNode> extras = new TreeMap<>();
        List<EmittedObject> resources = new ArrayList<>();
        List<EmittedObject> patches = new ArrayList<>();
        for (Overlay o : ordered) {
            boolean mergedHere = o.kind() == Overlay.Kind.PATCH && Kustomize.mergesWithoutKeys(o.document().root());
            Optional<Diagnostic> problem = wiring.shapeProblem(o)
                    .or(() -> o.kind() == Overlay.Kind.RESOURCE ? wiring.addResource(o) : wiring.applyPatch(o, mergedHere));
            if (problem.isPresent()) {
                diagnostics.add(problem.get());
                continue;
            }
            ObjectNode entry = extras.computeIfAbsent(o.root(), r -> JsonNodeFactory.instance.objectNode());
            if (o.kind() == Overlay.Kind.PATCH) {
                entry.withArray("patches").addObject().put("path", o.outputName());
                if (!"delete".equals(o.document().root().path("$patch").asText("")) && !mergedHere) {
                    patches.add(asObject(env, o));
                }
            } else {
                entry.withArray("resources").add(o.outputName());
                if (!o.root().equals(ArgoGenerator.ROOT)) {
                    EmittedObject resource = asObject(env, o).inNamespace(o.root()); // where the root's Application applies it
                    resources.add(resource);
                    wiring.byKey.put(o.root() + "\n" + key(o.document().root()), resource);
                }
            }
        }
        diagnostics.addAll(wiring.replacedLists);
        return new Wired(extras, resources, patches, wiring.rendered);
    }

    /** An overlay's document as an object of its root, as kustomize passes it on, located in the overlay file. */
    private static EmittedObject asObject(Environment env, Overlay o) {
        return new EmittedObject(env.name(), o.root(), Kustomize.asWritten(Kustomize.asRead(o.document().root())),
                Origin.identity(o.document().sourceMap()));
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
        Optional<Diagnostic> misplaced = placementProblem(o);
        if (misplaced.isPresent()) {
            return misplaced;
        }
        String first = contents.get(o.root()).putIfAbsent(key(root), o.path());
        if (first == null) {
            return Optional.empty();
        }
        return invalid(o.document(), "/metadata/name", "resource " + shown(root) + " is already in root " + o.root()
                        + (first.isEmpty() ? ", emitted by flinkops" : ", from " + first) + " (kustomize refuses an object twice)",
                "Patch the object instead (overlays/<env>/<root>/patches/), or give the resource a name of its own.");
    }

    /**
     * An extra resource of a workload root must be something that root's Argo CD Application may sync:
     * a kind the environment's AppProject permits (Argo CD fails the whole sync otherwise), in the
     * root's own namespace (one team's overlay must not place objects in another team's namespace).
     */
    private Optional<Diagnostic> placementProblem(Overlay o) {
        if (o.root().equals(ArgoGenerator.ROOT)) {
            return Optional.empty();
        }
        JsonNode root = o.document().root();
        GroupKind kind = GroupKind.of(root.path("apiVersion").asText(), root.path("kind").asText());
        JsonNode project = appProject();
        if (project != null && !ProjectPermissions.permits(project, kind)) {
            return invalid(o.document(), "/kind", "resource " + shown(root) + " is of a kind (" + kind + ") that Argo CD project "
                            + env.argocd().project() + " does not permit, so the sync of root " + o.root() + " would fail",
                    "Add {group: \"" + kind.group() + "\", kind: " + kind.kind() + "} to spec.argocd.extraKinds in "
                            + env.document().file() + ", or leave the object out of the overlay.");
        }
        String namespace = root.path("metadata").path("namespace").asText("");
        if (!kind.clusterScoped() && !namespace.isEmpty() && !namespace.equals(o.root())) {
            return invalid(o.document(), "/metadata/namespace", "resource " + shown(root) + " is in namespace " + namespace
                            + ", but root " + o.root() + " holds only namespace " + o.root() + "'s objects (its Argo CD Application, its team)",
                    "Drop metadata.namespace (the root's namespace applies), or put the file under overlays/" + env.name() + "/"
                            + namespace + "/resources/ when " + namespace + " is a namespace of this environment.");
        }
        return Optional.empty();
    }

    /**
     * The AppProject the roots' Applications sync under, as the patches of the _argocd root make it (they are applied
     * first); null when the environment emits none.
     */
    private JsonNode appProject() {
        EmittedObject now = project == null || !rendered.containsKey(project) ? project : rendered.get(project);
        return now == null ? null : now.object();
    }

    private Optional<Diagnostic> applyPatch(Overlay o, boolean mergedHere) {
        JsonNode root = o.document().root();
        String key = key(root);
        Map<String, String> content = contents.get(o.root());
        if (content.containsKey(key)) {
            EmittedObject target = byKey.get(o.root() + "\n" + key);
            if ("delete".equals(root.path("$patch").asText(""))) {
                content.remove(key);
                deletedBy.put(o.root() + "\n" + key, o.path());
                if (target != null) {
                    rendered.put(target, null);
                }
            } else if (target != null && mergedHere) {
                return merge(o, target);
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

    /** Merges a patch into its target as kustomize will (after the patches before it); a patch kustomize refuses is a finding. */
    private Optional<Diagnostic> merge(Overlay o, EmittedObject target) {
        EmittedObject current = rendered.getOrDefault(target, target);
        SchemalessMerge.Result merged = SchemalessMerge.apply(current.object(), Kustomize.asRead(o.document().root()), writtenQuoted);
        if (merged.conflict().isPresent()) {
            SchemalessMerge.Conflict c = merged.conflict().get();
            return invalid(o.document(), c.pointer(), "patch of " + shown(o.document().root()) + ": " + c.message(),
                    c.pointer().endsWith("/$patch") ? "Write $patch: merge, replace or delete, or leave it out (merge)."
                            : "Write the same kind of node as the object has there (a mapping, a list or a single value), "
                                    + "or remove the field with null in an earlier patch.");
        }
        rendered.put(target, new EmittedObject(current.environment(), current.root(), Kustomize.asWritten(merged.object()),
                current.origin().overwrittenBy(o.document().sourceMap(), merged.written())));
        for (String pointer : merged.written()) {
            droppedItems(current.object().at(pointer), merged.object().at(pointer)).ifPresent(dropped -> replacedLists.add(
                    new Diagnostic(LIST_REPLACED, Category.PARSE, Severity.WARNING, o.document().sourceMap().best(pointer), pointer,
                            "patch of " + shown(o.document().root()) + " replaces the list " + Pointers.dotted(pointer, current.object())
                                    + " whole (kustomize merges none of its items by key): " + dropped,
                            "Repeat in the patch every item the list must keep, or make the change in the spec itself.")));
        }
        return Optional.empty();
    }

    /**
     * What a list of mappings loses when a patch replaces it (its items the new list does not hold as
     * they were, named when they have names); empty for a list of values, a new list, or one that keeps all.
     */
    private static Optional<String> droppedItems(JsonNode before, JsonNode after) {
        if (!before.isArray() || before.isEmpty() || !after.isArray()) {
            return Optional.empty();
        }
        List<String> names = new ArrayList<>();
        int dropped = 0;
        boolean mappings = false;
        for (JsonNode item : before) {
            mappings |= item.isObject();
            boolean kept = false;
            for (JsonNode now : after) {
                kept |= now.equals(item);
            }
            if (!kept) {
                dropped++;
                if (item.path("name").isTextual()) {
                    names.add(item.path("name").textValue());
                }
            }
        }
        if (!mappings || dropped == 0) {
            return Optional.empty();
        }
        return Optional.of(dropped + " of its " + before.size() + " items " + (dropped == 1 ? "is" : "are")
                + " not in the patch as the object had " + (dropped == 1 ? "it" : "them")
                + (names.isEmpty() ? "" : " (" + String.join(", ", names) + ")"));
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
