package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The volumes each pod gets when the operator merges a component's template over the shared one, with what they were made of. */
final class PodTemplateVolumes {
    /** One declared volume: where it was written, and as what ({@code spec.podTemplate volumes[0]}). */
    record Volume(String pointer, String where, JsonNode node) {}

    /** A volume of a pod: its name and sources, and the declared volumes the merge made it of (the component's last). */
    record PodVolume(String name, Set<String> sources, List<Volume> from) {}

    private PodTemplateVolumes() {}

    /** The volumes of one merged pod. */
    static List<PodVolume> of(MergedPods merged, Pod pod) {
        List<PodVolume> out = new ArrayList<>();
        for (JsonNode item : pod.spec().path("volumes")) {
            if (!item.isObject()) {
                continue;
            }
            List<Volume> from = new ArrayList<>();
            for (String pointer : MergedPods.origins(item)) {
                from.add(new Volume(pointer, MergedPods.where(pointer), merged.written(pointer)));
            }
            Set<String> sources = new TreeSet<>();
            item.properties().forEach(e -> {
                if (!e.getKey().equals("name") && !MergedPods.isMark(e.getKey()) && !e.getValue().isNull()) {
                    sources.add(e.getKey());
                }
            });
            out.add(new PodVolume(item.path("name").isTextual() ? item.path("name").textValue() : null, sources, from));
        }
        return out;
    }
}
