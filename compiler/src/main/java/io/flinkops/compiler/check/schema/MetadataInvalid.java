package io.flinkops.compiler.check.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

@Rule(
        id = "k8s-metadata-invalid",
        category = Category.SCHEMA,
        severity = Severity.ERROR,
        summary = "Names, namespaces, labels and annotations must be valid Kubernetes metadata",
        rationale = "The API server rejects objects without a name, names (and generateName prefixes) that are not DNS "
                + "subdomains, namespaces that are not DNS labels, malformed label keys or values, annotation keys that are not "
                + "qualified names, annotations over 256 KiB, finalizers that are not qualified names (or orphan together with "
                + "foregroundDeletion), owner references without apiVersion, kind, name or uid (or with two controllers), "
                + "and an object to be created that carries a resourceVersion (one exported from a cluster with kubectl get -o yaml).",
        remediation = "Use lower-case letters, digits, '-' and '.' for names; keep label values to 63 characters of [A-Za-z0-9-_.]; "
                + "write finalizers as example.com/name; delete metadata.resourceVersion (and the other fields the cluster filled "
                + "in: uid, creationTimestamp, generation, ownerReferences, managedFields).")
public final class MetadataInvalid extends RuleCheck {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final long ANNOTATIONS_LIMIT = 256 * 1024;

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        JsonNode meta = t.root().path("metadata");
        JsonNode name = meta.get("name");
        if (name == null || name.isNull()) {
            if (!meta.path("generateName").isTextual()) {
                r.report("/metadata", "metadata.name is missing");
            }
        } else if (name.isTextual() && !KubernetesNames.isSubdomain(name.textValue())) {
            r.report("/metadata/name", "name '" + name.textValue() + "' is not a valid Kubernetes name (lower-case DNS subdomain, at most 253 characters)");
        }
        JsonNode version = meta.get("resourceVersion");
        if (version != null && version.isTextual() && isNonZeroVersion(version.textValue())) {
            r.report("/metadata/resourceVersion", "metadata.resourceVersion is set ('" + version.textValue()
                    + "'): the API server refuses to create an object that carries one, and an update with a stale one conflicts");
        }
        JsonNode prefix = meta.get("generateName");
        if (prefix != null && prefix.isTextual() && !prefix.textValue().isEmpty() && !validPrefix(prefix.textValue())) {
            r.report("/metadata/generateName", "generateName '" + prefix.textValue()
                    + "' is not a valid name prefix (lower-case DNS subdomain, at most 253 characters; a trailing '-' is fine)");
        }
        checkFinalizers(meta.get("finalizers"), r);
        checkOwnerReferences(meta.get("ownerReferences"), r);
        JsonNode ns = meta.get("namespace");
        if (ns != null && ns.isTextual() && (ns.textValue().length() > 63 || !LABEL.matcher(ns.textValue()).matches())) {
            r.report("/metadata/namespace", "namespace '" + ns.textValue() + "' is not a valid namespace name (lower-case DNS label, at most 63 characters)");
        }
        JsonNode labels = meta.get("labels");
        if (labels != null && labels.isObject()) {
            labels.properties().forEach(e -> {
                if (!KubernetesNames.isQualifiedName(e.getKey())) {
                    r.report(Pointers.child("/metadata/labels", e.getKey()), "label key '" + e.getKey() + "' is not a valid qualified name");
                }
                if (e.getValue().isTextual()) {
                    String v = e.getValue().textValue();
                    if (!KubernetesNames.isLabelValue(v)) {
                        r.report(Pointers.child("/metadata/labels", e.getKey()), "label value '" + v
                                + "' is not valid (at most 63 characters of letters, digits, '-', '_', '.', starting and ending alphanumeric)");
                    }
                }
            });
        }
        JsonNode annotations = meta.get("annotations");
        if (annotations != null && annotations.isObject()) {
            long chars = 0;
            for (var e : annotations.properties()) {
                chars += e.getKey().length() + e.getValue().asText().length();
                // the API server checks an annotation key in lower case: Example.COM/Note is fine there, unlike a label key
                if (!KubernetesNames.isQualifiedName(e.getKey().toLowerCase(Locale.ROOT))) {
                    r.report(Pointers.child("/metadata/annotations", e.getKey()), "annotation key '" + e.getKey() + "' is not a valid qualified name");
                }
            }
            // a char is at most 3 bytes of UTF-8 (a surrogate pair, 2 chars, is 4): count bytes only when it could matter
            long size = chars * 3 <= ANNOTATIONS_LIMIT ? chars : utf8Bytes(annotations);
            if (size > ANNOTATIONS_LIMIT) {
                r.report("/metadata/annotations", "annotations total " + size + " bytes, over the 262144-byte limit");
            }
        }
    }

    private static boolean validPrefix(String prefix) {
        // the server appends five characters to a prefix; a prefix may end where a name may not, in '-'
        String masked = prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) + "a" : prefix;
        return KubernetesNames.isSubdomain(masked);
    }

    private static void checkFinalizers(JsonNode finalizers, Reporter r) {
        if (finalizers == null || !finalizers.isArray()) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < finalizers.size(); i++) {
            JsonNode f = finalizers.get(i);
            if (f.isTextual()) {
                seen.add(f.textValue());
                if (!KubernetesNames.isQualifiedName(f.textValue())) {
                    r.report("/metadata/finalizers/" + i, "finalizer '" + f.textValue()
                            + "' is not a valid qualified name (such as example.com/cleanup)");
                }
            }
        }
        if (seen.contains("orphan") && seen.contains("foregroundDeletion")) {
            r.report("/metadata/finalizers", "finalizers orphan and foregroundDeletion cannot both be set");
        }
    }

    private static void checkOwnerReferences(JsonNode owners, Reporter r) {
        if (owners == null || !owners.isArray()) {
            return;
        }
        String controller = null;
        for (int i = 0; i < owners.size(); i++) {
            JsonNode owner = owners.get(i);
            String at = "/metadata/ownerReferences/" + i;
            if (!owner.isObject()) {
                continue;
            }
            String apiVersion = owner.path("apiVersion").asText("");
            String[] gv = apiVersion.split("/", -1);
            // as the API server parses it: "v1", "group/v1"; a third part makes no version at all
            if (gv.length > 2 || gv[gv.length - 1].isEmpty()) {
                r.report(owner.has("apiVersion") ? at + "/apiVersion" : at, "owner reference " + i + " has no API version");
            }
            for (String field : new String[] {"kind", "name", "uid"}) {
                if (owner.path(field).asText("").isEmpty()) {
                    r.report(owner.has(field) ? at + "/" + field : at, "owner reference " + i + " has no " + field);
                }
            }
            if (apiVersion.equals("v1") && owner.path("kind").asText("").equals("Event")) {
                r.report(at, "an Event cannot own an object");
            }
            if (owner.path("controller").asBoolean(false)) {
                String name = owner.path("kind").asText("") + "/" + owner.path("name").asText("");
                if (controller != null) {
                    r.report(at + "/controller", "only one owner reference may be the controller: " + controller + " and " + name + " both are");
                } else {
                    controller = name;
                }
            }
        }
    }

    /** What the API server's storage reads as a version (an unsigned number): only 0 means none. */
    private static boolean isNonZeroVersion(String version) {
        if (version.isEmpty() || version.length() > 20 || !version.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return !version.chars().allMatch(c -> c == '0');
    }

    private static long utf8Bytes(JsonNode annotations) {
        long size = 0;
        for (var e : annotations.properties()) {
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length + e.getValue().asText().getBytes(StandardCharsets.UTF_8).length;
        }
        return size;
    }
}
