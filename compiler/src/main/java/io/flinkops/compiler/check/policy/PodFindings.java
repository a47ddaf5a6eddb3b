package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.yaml.Pointers;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Findings on the merged pods of one FlinkDeployment, each reported once: an item of the shared template
 * is in both pods, and a finding on it in one pod only names that pod (unless its message does).
 */
final class PodFindings {
    private record Key(String pointer, String subject, String predicate, boolean namesPod) {}

    private final Map<Key, List<String>> pods = new LinkedHashMap<>();

    /** A finding at {@code pointer}, whose message is {@code subject} (what was written) and {@code predicate}. */
    void add(Pod pod, String pointer, String subject, String predicate) {
        add(pod, pointer, subject, predicate, false);
    }

    void add(Pod pod, String pointer, String subject, String predicate, boolean namesPod) {
        pods.computeIfAbsent(new Key(pointer, subject, predicate, namesPod), k -> new ArrayList<>()).add(pod.label());
    }

    /**
     * A map of labels in a merged pod (its template's {@code metadata/labels}, its {@code spec/nodeSelector}): each
     * key must be a label key and each value a label value, named at the template that set it.
     */
    void labels(MergedPods merged, Pod pod, String path) {
        for (var e : pod.template().at("/" + path).properties()) {
            String at = merged.writer(pod, Pointers.child(path, e.getKey()));
            String subject = MergedPods.path(at.substring(0, at.lastIndexOf('/')));
            if (!Placeholders.holdsOne(e.getKey()) && !KubernetesNames.isQualifiedName(e.getKey())) {
                add(pod, at, subject, "key '" + e.getKey() + "' is not " + PodSpecNames.LABEL_KEY);
            }
            JsonNode value = e.getValue();
            if (value.isTextual() && !Placeholders.holdsOne(value.textValue()) && !KubernetesNames.isLabelValue(value.textValue())) {
                add(pod, at, subject, e.getKey() + ": '" + value.textValue() + "' is not " + PodSpecNames.LABEL_VALUE);
            }
        }
    }

    void report(Reporter r, int podCount) {
        pods.forEach((k, labels) -> {
            boolean onePod = labels.size() < podCount && MergedPods.isShared(k.pointer()) && !k.namesPod();
            r.report(k.pointer(), k.subject() + (onePod ? ", in the " + labels.get(0) + "," : "") + " " + k.predicate()
                    + PodSpecNames.REFUSED);
        });
    }
}
