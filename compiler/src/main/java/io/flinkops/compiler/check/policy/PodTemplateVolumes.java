package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The volumes a FlinkDeployment's pod templates declare, and those each pod gets when the operator
 * merges a component's template over the shared one: item by item by position (its default), where
 * the component's item is laid over the shared one at its index, map into map; or by name.
 */
final class PodTemplateVolumes {
    /** One declared volume: where it was written, and as what ({@code spec.podTemplate volumes[0]}). */
    record Volume(String pointer, String where, int index, JsonNode node) {
        String name() {
            return node.path("name").isTextual() ? node.path("name").textValue() : null;
        }

        /** Its sources: every field but its name (emptyDir, configMap, persistentVolumeClaim, ...). */
        Set<String> sources() {
            Set<String> out = new TreeSet<>();
            node.properties().forEach(e -> {
                if (!e.getKey().equals("name") && !e.getValue().isNull()) {
                    out.add(e.getKey());
                }
            });
            return out;
        }
    }

    /** A volume of a pod: its name and sources, and the declared volumes the merge made it of (the component's last). */
    record PodVolume(String name, Set<String> sources, List<Volume> from) {}

    private PodTemplateVolumes() {}

    /** The volumes of the shared template ({@code component} null) or of a component's. */
    static List<Volume> of(JsonNode spec, String component) {
        JsonNode volumes = (component == null ? spec : spec.path(component)).path("podTemplate").path("spec").path("volumes");
        String prefix = component == null ? "spec.podTemplate" : "spec." + component + ".podTemplate";
        String pointer = (component == null ? "/spec" : "/spec/" + component) + "/podTemplate/spec/volumes/";
        List<Volume> out = new ArrayList<>();
        for (int i = 0; volumes.isArray() && i < volumes.size(); i++) {
            if (volumes.get(i).isObject()) {
                out.add(new Volume(pointer + i, prefix + " volumes[" + i + "]", i, volumes.get(i)));
            }
        }
        return out;
    }

    /** The volumes of the pod whose component template lists {@code component} over the shared {@code shared}. */
    static List<PodVolume> pod(List<Volume> shared, List<Volume> component, boolean byName) {
        List<PodVolume> out = new ArrayList<>();
        if (byName) {
            Map<String, PodVolume> named = new LinkedHashMap<>();
            for (List<Volume> list : List.of(shared, component)) {
                for (Volume v : list) {
                    PodVolume before = v.name() == null ? null : named.get(v.name());
                    if (before == null) {
                        PodVolume alone = new PodVolume(v.name(), v.sources(), List.of(v));
                        if (v.name() == null) {
                            out.add(alone);
                        } else {
                            named.put(v.name(), alone);
                        }
                    } else {
                        named.put(v.name(), merged(before, v));
                    }
                }
            }
            out.addAll(0, named.values());
            return out;
        }
        for (int i = 0; i < Math.max(indexOf(shared), indexOf(component)); i++) {
            Volume under = at(shared, i);
            Volume over = at(component, i);
            if (under == null && over == null) {
                continue;
            }
            PodVolume v = under == null ? null : new PodVolume(under.name(), under.sources(), List.of(under));
            out.add(over == null ? v : v == null ? new PodVolume(over.name(), over.sources(), List.of(over)) : merged(v, over));
        }
        return out;
    }

    private static PodVolume merged(PodVolume under, Volume over) {
        Set<String> sources = new TreeSet<>(under.sources());
        sources.addAll(over.sources());
        List<Volume> from = new ArrayList<>(under.from());
        from.add(over);
        return new PodVolume(over.name() != null ? over.name() : under.name(), sources, from);
    }

    /** One past the largest index a volume of the list was written at. */
    private static int indexOf(List<Volume> list) {
        return list.isEmpty() ? 0 : list.get(list.size() - 1).index() + 1;
    }

    private static Volume at(List<Volume> list, int i) {
        return list.stream().filter(v -> v.index() == i).findFirst().orElse(null);
    }
}
