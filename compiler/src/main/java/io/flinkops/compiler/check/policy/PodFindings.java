package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
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

    void report(Reporter r, int podCount) {
        pods.forEach((k, labels) -> {
            boolean onePod = labels.size() < podCount && MergedPods.isShared(k.pointer()) && !k.namesPod();
            r.report(k.pointer(), k.subject() + (onePod ? ", in the " + labels.get(0) + "," : "") + " " + k.predicate()
                    + PodSpecNames.REFUSED);
        });
    }
}
