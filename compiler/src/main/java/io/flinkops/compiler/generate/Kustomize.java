package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flinkops.compiler.model.GroupKind;
import io.flinkops.compiler.yaml.WrittenScalars;
import java.util.Map;

/**
 * What kustomize (in kubectl, and in Argo CD's repo server) does to the overlays on their way to the
 * cluster: how it reads them, which patches it merges as it merges a custom resource's
 * ({@link SchemalessMerge}), and how it writes the objects out. Each is held to the installed kubectl
 * in {@code SchemalessMergeTest} and {@code KustomizeTest}.
 */
public final class Kustomize {
    private static final GroupKind NAMESPACE = new GroupKind("", "Namespace");

    private Kustomize() {}

    /**
     * Whether kustomize merges a patch as {@link SchemalessMerge} does, every list it writes replaced
     * whole: a custom resource (the operator's kinds, an AppProject, a PodMonitor), whose schema kustomize
     * does not know, or one of Kubernetes' own kinds that flinkops writes into a root, whose schemas give
     * no merge key to any list but a few, which the patch leaves alone. Other kinds kustomize merges by
     * their OpenAPI schemas (a Deployment's containers by name).
     */
    public static boolean mergesWithoutKeys(JsonNode patch) {
        GroupKind kind = GroupKind.of(patch.path("apiVersion").asText(""), patch.path("kind").asText(""));
        return customResources(kind.group())
                || (kind.equals(NAMESPACE) || ArgoGenerator.ownKinds().contains(kind)) && !writesMergedList(patch, kind);
    }

    /**
     * Whether a group is one of custom resources, whose schemas kustomize does not know: a group with a
     * dot that Kubernetes does not serve itself (its own groups have no dot, or end in .k8s.io; a custom
     * group that ends so, such as gateway.networking.k8s.io, is taken for Kubernetes', which only leaves
     * its patches to kustomize).
     */
    private static boolean customResources(String group) {
        return group.contains(".") && !group.endsWith(".k8s.io");
    }

    /**
     * Whether a patch of one of Kubernetes' own kinds writes a list its schema merges rather than
     * replaces (finalizers as a set, owner references by uid, a ServiceAccount's secrets by name), or
     * names one in a {@code $deleteFromPrimitiveList} directive.
     */
    private static boolean writesMergedList(JsonNode patch, GroupKind kind) {
        JsonNode metadata = patch.path("metadata");
        return metadata.has("finalizers") || metadata.has("ownerReferences") || kind.kind().equals("ServiceAccount") && patch.has("secrets")
                || namesDirective(patch, "$deleteFromPrimitiveList/");
    }

    private static boolean namesDirective(JsonNode node, String prefix) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                if (field.getKey().startsWith(prefix) || namesDirective(field.getValue(), prefix)) {
                    return true;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode item : node) {
                if (namesDirective(item, prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * An overlay's document as kustomize reads it, in YAML 1.2, where {@code yes} and {@code on} are text
     * (kubectl, reading the file itself, would take them for true). A copy.
     */
    public static ObjectNode asRead(JsonNode document) {
        return (ObjectNode) WrittenScalars.asYaml12(document);
    }

    /**
     * An object as kustomize writes it out, which is what reaches the cluster: every annotation's value
     * text, a number or boolean as written ({@code 5} and {@code true} are "5" and "true"), a mapping or
     * list the empty text; and no annotations at all rather than none in a mapping. Changes {@code object},
     * and returns it.
     */
    public static ObjectNode asWritten(ObjectNode object) {
        if (object.path("metadata") instanceof ObjectNode metadata && metadata.path("annotations") instanceof ObjectNode annotations) {
            annotations.properties().forEach(e -> {
                JsonNode value = e.getValue();
                if (value.isContainerNode()) {
                    e.setValue(TextNode.valueOf(""));
                } else if (!value.isNull() && !value.isTextual()) {
                    e.setValue(TextNode.valueOf(WrittenScalars.text(value)));
                }
            });
            if (annotations.isEmpty()) {
                metadata.remove("annotations");
            }
        }
        return object;
    }
}
