package io.flinkops.compiler.check.policy;

import static io.flinkops.compiler.check.policy.FieldProblem.label;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.KubernetesQuantity;
import io.flinkops.compiler.check.Placeholders;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What Kubernetes takes inside a pod's volume sources (its validateVolumeSource), for the ones Flink jobs use:
 * configMap and secret (a name, file modes of at most 0777, items with a key and a relative path), downwardAPI and
 * projected files (modes, paths of their own, fields a volume takes, token lifetimes), hostPath (a path without '..', a known type), persistentVolumeClaim (a claim name)
 * and emptyDir (a size limit that is not negative).
 */
final class VolumeSources {
    private static final int MAX_MODE = 0777;
    private static final List<String> PROJECTED_KINDS = List.of("configMap", "secret", "downwardAPI", "serviceAccountToken",
            "clusterTrustBundle", "podCertificate");
    /** The pod fields a downwardAPI volume may hold (labels and annotations whole, or one in brackets). */
    private static final Set<String> DOWNWARD_FIELDS = Set.of("metadata.name", "metadata.namespace", "metadata.uid",
            "metadata.labels", "metadata.annotations");
    private static final long MIN_TOKEN_SECONDS = 600;
    private static final long MAX_TOKEN_SECONDS = 1L << 32;
    private static final Set<String> HOST_PATH_TYPES = Set.of("DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket",
            "CharDevice", "BlockDevice");

    private VolumeSources() {}

    static List<FieldProblem> of(JsonNode volume) {
        List<FieldProblem> out = new ArrayList<>();
        JsonNode configMap = volume.path("configMap");
        if (configMap.isObject()) {
            required(configMap, "configMap", "name", out);
            files(configMap, "configMap", out);
        }
        JsonNode secret = volume.path("secret");
        if (secret.isObject()) {
            required(secret, "secret", "secretName", out);
            files(secret, "secret", out);
        }
        JsonNode downward = volume.path("downwardAPI");
        if (downward.isObject()) {
            files(downward, "downwardAPI", out);
        }
        JsonNode projected = volume.path("projected");
        if (projected.isObject()) {
            projected(projected, out);
        }
        JsonNode hostPath = volume.path("hostPath");
        if (hostPath.isObject()) {
            String path = MergedPods.text(hostPath, "path");
            if (FieldProblem.absent(hostPath.path("path"))) {
                out.add(new FieldProblem("hostPath", "hostPath has no path"));
            } else if (List.of(path.split("/")).contains("..")) {
                out.add(new FieldProblem("hostPath/path", "hostPath path '" + path + "' climbs with '..'"));
            }
            String type = MergedPods.text(hostPath, "type");
            if (!type.isEmpty() && !HOST_PATH_TYPES.contains(type) && !Placeholders.holdsOne(type)) {
                out.add(new FieldProblem("hostPath/type", "hostPath type '" + type + "' is not one of " + String.join(", ",
                        HOST_PATH_TYPES.stream().sorted().toList())));
            }
        }
        JsonNode claim = volume.path("persistentVolumeClaim");
        if (claim.isObject()) {
            required(claim, "persistentVolumeClaim", "claimName", out);
        }
        JsonNode limit = volume.path("emptyDir").path("sizeLimit");
        if (limit.isTextual() && KubernetesQuantity.parse(limit.textValue()).filter(q -> q.signum() < 0).isPresent()
                || limit.isNumber() && limit.decimalValue().signum() < 0) {
            out.add(new FieldProblem("emptyDir/sizeLimit", "emptyDir sizeLimit " + limit.asText() + " is negative"));
        }
        return out;
    }

    /**
     * A projected volume: each source one kind, the files of all of them at paths of their own, a service account
     * token between 10 minutes and 2^32 seconds.
     */
    private static void projected(JsonNode projected, List<FieldProblem> out) {
        mode(projected, "projected/defaultMode", out);
        JsonNode sources = MergedPods.list(projected.path("sources"));
        Set<String> paths = new HashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode source = sources.get(i);
            String at = "projected/sources/" + i;
            List<String> kinds = PROJECTED_KINDS.stream().filter(k -> MergedPods.isSet(source.path(k))).toList();
            if (kinds.size() > 1) {
                out.add(new FieldProblem(at, label(at) + " names " + String.join(" and ", kinds) + "; a source takes one"));
            }
            for (String kind : List.of("configMap", "secret", "downwardAPI")) {
                JsonNode files = source.path(kind);
                if (files.isObject()) {
                    if (!kind.equals("downwardAPI")) {
                        required(files, at + "/" + kind, "name", out);
                    }
                    items(files, at + "/" + kind, out);
                    JsonNode items = MergedPods.list(files.path("items"));
                    for (int j = 0; j < items.size(); j++) {
                        String path = MergedPods.text(items.get(j), "path");
                        if (!path.isEmpty() && !paths.add(path)) {
                            out.add(new FieldProblem(at + "/" + kind + "/items/" + j + "/path", label(at + "/" + kind + "/items/" + j)
                                    + " path '" + path + "' is another source's too"));
                        }
                    }
                }
            }
            JsonNode token = source.path("serviceAccountToken");
            if (token.isObject()) {
                if (FieldProblem.absent(token.path("path"))) {
                    out.add(new FieldProblem(at + "/serviceAccountToken", label(at) + ".serviceAccountToken has no path"));
                }
                JsonNode seconds = token.path("expirationSeconds");
                if (seconds.isIntegralNumber() && (seconds.asLong() < MIN_TOKEN_SECONDS || seconds.asLong() > MAX_TOKEN_SECONDS)) {
                    out.add(new FieldProblem(at + "/serviceAccountToken/expirationSeconds", label(at) + ".serviceAccountToken"
                            + " expirationSeconds is " + seconds.asText() + ", not between 600 (10 minutes) and 2^32"));
                }
            }
        }
    }

    /** A source of files (configMap, secret, downwardAPI): its default mode and items. */
    private static void files(JsonNode source, String at, List<FieldProblem> out) {
        mode(source, at + "/defaultMode", out);
        items(source, at, out);
    }

    private static void items(JsonNode source, String at, List<FieldProblem> out) {
        boolean keyed = !at.endsWith("downwardAPI");
        JsonNode items = MergedPods.list(source.path("items"));
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            if (!item.isObject()) {
                continue;
            }
            String itemAt = at + "/items/" + i;
            String label = label(itemAt);
            if (keyed && FieldProblem.absent(item.path("key"))) {
                out.add(new FieldProblem(itemAt, label + " has no key"));
            }
            String path = MergedPods.text(item, "path");
            if (FieldProblem.absent(item.path("path"))) {
                out.add(new FieldProblem(itemAt, label + " has no path"));
            } else if (!Placeholders.holdsOne(path) && (!PodSpecNames.isLocalDescendingPath(path) || path.startsWith(".."))) {
                out.add(new FieldProblem(itemAt + "/path", label + " path '" + path + "' is not a relative path inside the volume"
                        + " (no leading '/', no '..')"));
            }
            mode(item, itemAt + "/mode", out);
            if (!keyed) {
                downwardItem(item, itemAt, label, out);
            }
        }
    }

    /** A downwardAPI file: a field of the pod (its labels and annotations whole, too) or a container's resource. */
    private static void downwardItem(JsonNode item, String at, String label, List<FieldProblem> out) {
        boolean field = MergedPods.isSet(item.path("fieldRef"));
        boolean resource = MergedPods.isSet(item.path("resourceFieldRef"));
        if (field == resource) {
            out.add(new FieldProblem(at, label + (field ? " names fieldRef and resourceFieldRef; it takes one"
                    : " names neither fieldRef nor resourceFieldRef")));
        } else if (field && item.path("fieldRef").isObject()) {
            EnvSources.fieldPath(item.path("fieldRef"), at + "/fieldRef", DOWNWARD_FIELDS, "a volume takes (metadata.name,"
                    + " metadata.namespace, metadata.uid, metadata.labels, metadata.annotations, or one label or annotation in"
                    + " brackets)", out);
        } else if (resource && FieldProblem.absent(item.path("resourceFieldRef").path("containerName"))) {
            out.add(new FieldProblem(at + "/resourceFieldRef", label + ".resourceFieldRef has no containerName"));
        }
    }


    /** A file mode: 0 to 0777 (511); YAML reads 0644 as octal, 644 as decimal (above 511). */
    private static void mode(JsonNode source, String at, List<FieldProblem> out) {
        JsonNode mode = source.path(at.substring(at.lastIndexOf('/') + 1));
        if (mode.isIntegralNumber() && (mode.asLong() < 0 || mode.asLong() > MAX_MODE)) {
            out.add(new FieldProblem(at, label(at) + " is " + mode.asText()
                    + ", not between 0 and 0777 (511); write an octal mode with a leading 0 (0644) or in decimal (420)"));
        }
    }

    private static void required(JsonNode source, String at, String field, List<FieldProblem> out) {
        if (FieldProblem.absent(source.path(field))) {
            out.add(new FieldProblem(at, label(at) + " has no " + field));
        }
    }
}
