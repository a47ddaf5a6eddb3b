package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What Kubernetes takes in a container's env valueFrom and envFrom (its ValidateEnv and ValidateEnvFrom): one
 * source each, downward-API field paths of a pod, resources of a container, and ConfigMap or Secret names and keys.
 */
final class EnvSources {
    private static final List<String> VALUE_SOURCES = List.of("fieldRef", "resourceFieldRef", "configMapKeyRef", "secretKeyRef");
    private static final List<String> ENV_FROM_SOURCES = List.of("configMapRef", "secretRef");
    /** The pod fields a variable may take (validEnvDownwardAPIFieldPathExpressions). */
    private static final Set<String> FIELD_PATHS = Set.of("metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
            "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP", "status.podIPs");
    private static final Set<String> RESOURCES = Set.of("limits.cpu", "limits.memory", "limits.ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.ephemeral-storage");
    private static final Pattern CONFIG_MAP_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final int MAX_KEY = 253;

    private EnvSources() {}

    /** The problems of a variable's valueFrom. */
    static List<FieldProblem> valueFrom(JsonNode valueFrom) {
        List<FieldProblem> out = new ArrayList<>();
        oneSource(valueFrom, VALUE_SOURCES, "valueFrom", out);
        JsonNode field = valueFrom.path("fieldRef");
        if (field.isObject()) {
            fieldRef(field, out);
        }
        JsonNode resource = valueFrom.path("resourceFieldRef");
        if (resource.isObject()) {
            String name = text(resource, "resource");
            if (FieldProblem.absent(resource.path("resource"))) {
                out.add(new FieldProblem("valueFrom/resourceFieldRef", "valueFrom.resourceFieldRef has no resource"));
            } else if (!Placeholders.holdsOne(name) && !RESOURCES.contains(name) && !name.startsWith("requests.hugepages-")
                    && !name.startsWith("limits.hugepages-")) {
                out.add(new FieldProblem("valueFrom/resourceFieldRef/resource", "valueFrom.resourceFieldRef resource '" + name + "' is not one"
                        + " of limits.cpu, limits.memory, limits.ephemeral-storage, requests.cpu, requests.memory,"
                        + " requests.ephemeral-storage"));
            }
        }
        for (String ref : List.of("configMapKeyRef", "secretKeyRef")) {
            JsonNode selector = valueFrom.path(ref);
            if (selector.isObject()) {
                name(selector, "valueFrom/" + ref, out);
                String key = text(selector, "key");
                if (FieldProblem.absent(selector.path("key"))) {
                    out.add(new FieldProblem("valueFrom/" + ref, "valueFrom." + ref + " has no key"));
                } else if (!Placeholders.holdsOne(key) && !isConfigMapKey(key)) {
                    out.add(new FieldProblem("valueFrom/" + ref + "/key", "valueFrom." + ref + " key '" + key + "' is not a key Kubernetes"
                            + " takes (letters, digits, '-', '_' and '.', at most " + MAX_KEY + ", not '.' or starting with '..')"));
                }
            }
        }
        return out;
    }

    /** The problems of an envFrom entry. */
    static List<FieldProblem> envFrom(JsonNode source) {
        List<FieldProblem> out = new ArrayList<>();
        List<String> sources = oneSource(source, ENV_FROM_SOURCES, "", out);
        String prefix = text(source, "prefix");
        if (!prefix.isEmpty() && !Placeholders.holdsOne(prefix) && !isEnvName(prefix)) {
            out.add(new FieldProblem("prefix", "prefix '" + prefix + "' holds '=' or a character outside printable ASCII"));
        }
        for (String ref : sources) {
            if (source.path(ref).isObject()) {
                name(source.path(ref), ref, out);
            }
        }
        return out;
    }

    /**
     * A variable's name as Kubernetes 1.32 and later take it (relaxed, on by default): printable ASCII but '='. EKS
     * runs no older one.
     */
    static boolean isEnvName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '=' || ch < 32 || ch > 126) {
                return false;
            }
        }
        return true;
    }

    /** The sources of {@code kinds} that {@code node} (at {@code field}) names; a problem unless it names exactly one. */
    private static List<String> oneSource(JsonNode node, List<String> kinds, String field, List<FieldProblem> out) {
        List<String> sources = kinds.stream().filter(k -> MergedPods.isSet(node.path(k))).toList();
        String label = field.isEmpty() ? "" : field + " ";
        if (sources.isEmpty()) {
            out.add(new FieldProblem(field, label + "names no source (" + String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or "
                    + kinds.get(kinds.size() - 1) + ")"));
        } else if (sources.size() > 1) {
            out.add(new FieldProblem(field, label + "names " + String.join(" and ", sources) + "; it takes one"));
        }
        return sources;
    }

    /** A variable's downward-API field: v1, a field path a variable takes, or a label or annotation named in brackets. */
    private static void fieldRef(JsonNode field, List<FieldProblem> out) {
        String version = text(field, "apiVersion");
        if (!version.isEmpty() && !version.equals("v1") && !Placeholders.holdsOne(version)) {
            out.add(new FieldProblem("valueFrom/fieldRef/apiVersion", "valueFrom.fieldRef apiVersion '" + version + "' is not v1"));
        }
        fieldPath(field, "valueFrom/fieldRef", FIELD_PATHS, "a variable takes (metadata.name, metadata.namespace, metadata.uid,"
                + " spec.nodeName, spec.serviceAccountName, status.hostIP(s), status.podIP(s), or metadata.labels['key'] or"
                + " metadata.annotations['key'])", out);
    }

    /**
     * A downward-API fieldPath (of a variable or a downwardAPI volume's file, at {@code at}): one of {@code allowed},
     * or a label or annotation named in brackets by a key Kubernetes takes.
     */
    static void fieldPath(JsonNode field, String at, Set<String> allowed, String allowedText, List<FieldProblem> out) {
        String label = FieldProblem.label(at);
        String path = text(field, "fieldPath");
        if (FieldProblem.absent(field.path("fieldPath"))) {
            out.add(new FieldProblem(at, label + " has no fieldPath"));
            return;
        }
        if (!field.path("fieldPath").isTextual() || Placeholders.holdsOne(path)) {
            return;
        }
        int open = path.indexOf("['");
        if (path.endsWith("']") && open > 0) {
            String base = path.substring(0, open);
            String key = path.substring(open + 2, path.length() - 2);
            boolean labels = base.equals("metadata.labels");
            if (!labels && !base.equals("metadata.annotations")) {
                out.add(new FieldProblem(at + "/fieldPath", label + " fieldPath '" + path + "': only metadata.labels and"
                        + " metadata.annotations take a key in brackets"));
            } else if (!KubernetesNames.isQualifiedName(labels ? key : key.toLowerCase(java.util.Locale.ROOT))) {
                out.add(new FieldProblem(at + "/fieldPath", label + " fieldPath '" + path + "' names '" + key
                        + "', which is not a " + (labels ? "label" : "annotation") + " key"));
            }
        } else if (!allowed.contains(path)) {
            out.add(new FieldProblem(at + "/fieldPath", label + " fieldPath '" + path + "' is not one " + allowedText));
        }
    }

    /** The name of a ConfigMap or Secret: a DNS subdomain. */
    private static void name(JsonNode ref, String field, List<FieldProblem> out) {
        String name = text(ref, "name");
        String label = field.replace('/', '.');
        if (FieldProblem.absent(ref.path("name"))) {
            out.add(new FieldProblem(field, label + " has no name"));
        } else if (!Placeholders.holdsOne(name) && !KubernetesNames.isSubdomain(name)) {
            out.add(new FieldProblem(field + "/name", label + " name '" + name + "' is not a DNS subdomain (lower-case letters, digits,"
                    + " '-' and '.')"));
        }
    }

    private static boolean isConfigMapKey(String key) {
        return key.length() <= MAX_KEY && CONFIG_MAP_KEY.matcher(key).matches() && !key.equals(".") && !key.startsWith("..");
    }


    private static String text(JsonNode node, String field) {
        return MergedPods.text(node, field);
    }
}
