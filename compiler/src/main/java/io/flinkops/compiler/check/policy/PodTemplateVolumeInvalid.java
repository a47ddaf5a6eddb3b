package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

@Rule(
        id = "pod-template-volume-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Each pod gets volumes Kubernetes takes from the merged pod templates",
        rationale = "The operator merges a component's pod template into the shared one before it makes the JobManager "
                + "Deployment and the TaskManager pods; by position (its default, unless "
                + "kubernetes.operator.pod-template.merge-arrays-by-name is true) a component's volume is laid over the "
                + "shared volume at its index, map into map. A volume in a pod must have one source (emptyDir, configMap, "
                + "secret, persistentVolumeClaim, ...), a name that is a DNS label, and a name no other volume of the pod "
                + "has; the API server does not read the templates and the operator does not check them, so a "
                + "FlinkDeployment is admitted whose pods Kubernetes refuses, and the job never starts. A component's "
                + "configMap volume listed first over a shared emptyDir becomes one volume with two sources; a component "
                + "that lists the shared volumes in another order gives the pod two volumes of one name. Flink adds a "
                + "volume named flink-config-volume to every pod itself, and others as its configuration asks "
                + "(pod-template-volume to a native JobManager whose TaskManagers have a pod template, hadoop-config-volume, "
                + "kerberos-keytab-volume, kerberos-krb5conf-volume, and NAME-volume for each kubernetes.secrets entry), so a "
                + "template's volume of such a name (one copied from a running JobManager's Deployment) is a second one. Inside "
                + "a volume Kubernetes refuses a configMap without a name or a secret without a secretName, a file mode above "
                + "0777 (defaultMode: 644 is decimal, 01204 in octal), an item without a key or path or with a path that is "
                + "absolute or climbs with '..', a hostPath without a path, with '..' or of an unknown type, a "
                + "persistentVolumeClaim without a claimName, a negative emptyDir sizeLimit, a projected source of two kinds, "
                + "two projected files at one path, a service account token of less than ten minutes, and a downwardAPI "
                + "file with no field or resource, both, or a field a volume does not take (status.podIP).",
        remediation = "Give each volume one source and a DNS-label name (not flink-config-volume or another name Flink gives its own); in a "
                + "component's template, list the shared "
                + "template's volumes first, at their positions, and its own after them (or set "
                + "kubernetes.operator.pod-template.merge-arrays-by-name: \"true\").")
public final class PodTemplateVolumeInvalid extends MergedPodRule {
    /** A volume of a merged pod: its name (or null), its sources, and the pointers of the declared volumes it was made of. */
    private record PodVolume(String name, Set<String> sources, List<String> from, JsonNode node) {
        String last() {
            return from.get(from.size() - 1);
        }
    }

    @Override
    void judge(MergedPods merged, Pod pod, PodFindings out) {
        String merge = PodTemplateMerge.byName(merged.target()) ? "by name" : "by position";
        Map<String, String> flinks = new HashMap<>();
        FlinkVolumes.of(merged, pod).forEach(v -> flinks.put(v.name(), v.what() + " (" + v.whence() + ")"));
        Map<String, PodVolume> names = new HashMap<>();
        for (PodVolume v : volumes(pod)) {
            String last = v.last();
            String what = MergedPods.where(last) + (v.from().size() == 1 ? "" : " (merged " + merge + " over "
                    + MergedPods.where(v.from().get(0)) + ")");
            if (v.sources().size() > 1) {
                out.add(pod, last, what, (v.from().size() == 1 ? "has" : "gives the " + pod.label() + " a volume with")
                        + " more than one source (" + String.join(", ", v.sources()) + ")", true);
            }
            for (FieldProblem p : VolumeSources.of(v.node())) {
                String at = merged.writer(v.node(), p.field());
                out.add(pod, at + "/" + p.field(), MergedPods.where(at) + (v.name() == null ? "" : " (" + v.name() + ")"), p.message());
            }
            if (v.name() == null) {
                out.add(pod, last, what, "has no name", true);
            } else if (!Placeholders.holdsOne(v.name())) {
                if (!PodSpecNames.isDnsLabel(v.name())) {
                    out.add(pod, last + "/name", what, "is named '" + v.name() + "', which is not a DNS label"
                            + " (lower-case letters, digits and '-', at most 63)", true);
                } else if (flinks.containsKey(v.name())) {
                    out.add(pod, last + "/name", what, "is named '" + v.name() + "', as the volume Flink adds itself for "
                            + flinks.get(v.name()) + " is");
                }
                PodVolume before = names.putIfAbsent(v.name(), v);
                if (before != null) {
                    boolean sharedAlone = v.from().size() == 1 && before.from().size() == 1 && MergedPods.isShared(last)
                            && MergedPods.isShared(before.from().get(0));
                    out.add(pod, last + "/name", what, (sharedAlone ? "is" : "gives the " + pod.label() + " a second volume")
                            + " named '" + v.name() + "', as " + MergedPods.where(before.last()) + " is", true);
                }
            }
        }
    }

    /** The volumes of one merged pod, each with the declared volumes the merge made it of. */
    private static List<PodVolume> volumes(Pod pod) {
        List<PodVolume> out = new ArrayList<>();
        for (JsonNode item : pod.spec().path("volumes")) {
            if (!item.isObject()) {
                continue;
            }
            Set<String> sources = new TreeSet<>();
            item.properties().forEach(e -> {
                if (!e.getKey().equals("name") && !MergedPods.isMark(e.getKey()) && !e.getValue().isNull()) {
                    sources.add(e.getKey());
                }
            });
            out.add(new PodVolume(item.path("name").isTextual() ? item.path("name").textValue() : null, sources, MergedPods.origins(item),
                    item));
        }
        return out;
    }
}
