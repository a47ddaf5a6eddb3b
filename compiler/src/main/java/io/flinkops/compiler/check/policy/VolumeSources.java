package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.KubernetesQuantity;
import io.flinkops.compiler.check.Placeholders;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Kubernetes takes inside a pod's volume sources (its validateVolumeSource), for the ones Flink jobs use:
 * configMap and secret (a name, file modes of at most 0777, items with a key and a relative path), downwardAPI and
 * projected file modes and paths, hostPath (a path without '..', a known type), persistentVolumeClaim (a claim name)
 * and emptyDir (a size limit that is not negative).
 */
final class VolumeSources {
    /** A problem at {@code field}, a path below the volume. */
    record Problem(String field, String message) {}

    private static final int MAX_MODE = 0777;
    private static final Set<String> HOST_PATH_TYPES = Set.of("DirectoryOrCreate", "Directory", "FileOrCreate", "File", "Socket",
            "CharDevice", "BlockDevice");

    private VolumeSources() {}

    static List<Problem> of(JsonNode volume) {
        List<Problem> out = new ArrayList<>();
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
            mode(projected, "projected/defaultMode", out);
            JsonNode sources = projected.path("sources");
            for (int i = 0; i < sources.size(); i++) {
                for (String kind : List.of("configMap", "secret", "downwardAPI")) {
                    JsonNode source = sources.get(i).path(kind);
                    if (source.isObject()) {
                        items(source, "projected/sources/" + i + "/" + kind, out);
                    }
                }
            }
        }
        JsonNode hostPath = volume.path("hostPath");
        if (hostPath.isObject()) {
            String path = MergedPods.text(hostPath, "path");
            if (path.isEmpty()) {
                out.add(new Problem("hostPath", "hostPath has no path"));
            } else if (List.of(path.split("/")).contains("..")) {
                out.add(new Problem("hostPath/path", "hostPath path '" + path + "' climbs with '..'"));
            }
            String type = MergedPods.text(hostPath, "type");
            if (!type.isEmpty() && !HOST_PATH_TYPES.contains(type) && !Placeholders.holdsOne(type)) {
                out.add(new Problem("hostPath/type", "hostPath type '" + type + "' is not one of " + String.join(", ",
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
            out.add(new Problem("emptyDir/sizeLimit", "emptyDir sizeLimit " + limit.asText() + " is negative"));
        }
        return out;
    }

    /** A source of files (configMap, secret, downwardAPI): its default mode and items. */
    private static void files(JsonNode source, String at, List<Problem> out) {
        mode(source, at + "/defaultMode", out);
        items(source, at, out);
    }

    private static void items(JsonNode source, String at, List<Problem> out) {
        boolean keyed = !at.endsWith("downwardAPI");
        JsonNode items = source.path("items");
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String itemAt = at + "/items/" + i;
            String label = itemAt.replace('/', '.').replaceAll("\\.(\\d+)", "[$1]");
            if (keyed && MergedPods.text(item, "key").isEmpty()) {
                out.add(new Problem(itemAt, label + " has no key"));
            }
            String path = MergedPods.text(item, "path");
            if (path.isEmpty()) {
                out.add(new Problem(itemAt, label + " has no path"));
            } else if (!Placeholders.holdsOne(path) && (!PodSpecNames.isLocalDescendingPath(path) || path.startsWith(".."))) {
                out.add(new Problem(itemAt + "/path", label + " path '" + path + "' is not a relative path inside the volume"
                        + " (no leading '/', no '..')"));
            }
            mode(item, itemAt + "/mode", out);
        }
    }

    /** A file mode: 0 to 0777 (511); YAML reads 0644 as octal, 644 as decimal (above 511). */
    private static void mode(JsonNode source, String at, List<Problem> out) {
        JsonNode mode = source.path(at.substring(at.lastIndexOf('/') + 1));
        if (mode.isIntegralNumber() && (mode.asLong() < 0 || mode.asLong() > MAX_MODE)) {
            out.add(new Problem(at, at.replace('/', '.').replaceAll("\\.(\\d+)", "[$1]") + " is " + mode.asText()
                    + ", not between 0 and 0777 (511); write an octal mode with a leading 0 (0644) or in decimal (420)"));
        }
    }

    private static void required(JsonNode source, String at, String field, List<Problem> out) {
        if (MergedPods.text(source, field).isEmpty()) {
            out.add(new Problem(at, at + " has no " + field));
        }
    }
}
