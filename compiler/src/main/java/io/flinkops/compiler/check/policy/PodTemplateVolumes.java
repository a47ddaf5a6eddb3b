package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The volumes a FlinkDeployment's pod templates declare, and those each pod gets when the operator
 * merges a component's template over the shared one ({@link PodTemplateMerge}), each with the declared
 * volumes it was made of, for findings that name them.
 */
final class PodTemplateVolumes {
    /** One declared volume: where it was written, and as what ({@code spec.podTemplate volumes[0]}). */
    record Volume(String pointer, String where, JsonNode node) {
        String name() {
            return node.path("name").isTextual() ? node.path("name").textValue() : null;
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
                out.add(new Volume(pointer + i, prefix + " volumes[" + i + "]", volumes.get(i)));
            }
        }
        return out;
    }

    /**
     * The volumes of the pod whose component template lists {@code component} over the shared {@code shared},
     * merged by {@link PodTemplateMerge}: each item carries where it was declared through the merge.
     */
    static List<PodVolume> pod(List<Volume> shared, List<Volume> component, boolean byName) {
        JsonNode merged = PodTemplateMerge.merge(marked(shared, SHARED), marked(component, COMPONENT), byName);
        List<PodVolume> out = new ArrayList<>();
        for (JsonNode item : merged.path("spec").path("volumes")) {
            List<Volume> from = new ArrayList<>();
            if (item.has(SHARED)) {
                from.add(shared.get(item.get(SHARED).intValue()));
            }
            if (item.has(COMPONENT)) {
                from.add(component.get(item.get(COMPONENT).intValue()));
            }
            Set<String> sources = new TreeSet<>();
            item.properties().forEach(e -> {
                if (!e.getKey().equals("name") && !e.getKey().equals(SHARED) && !e.getKey().equals(COMPONENT) && !e.getValue().isNull()) {
                    sources.add(e.getKey());
                }
            });
            out.add(new PodVolume(item.path("name").isTextual() ? item.path("name").textValue() : null, sources, from));
        }
        return out;
    }

    /** Keys no volume has, which say through the merge which template's item (by its index here) an item holds. */
    private static final String SHARED = "\u0000shared";
    private static final String COMPONENT = "\u0000component";

    private static JsonNode marked(List<Volume> volumes, String marker) {
        ObjectNode template = JsonNodeFactory.instance.objectNode();
        ArrayNode list = template.putObject("spec").putArray("volumes");
        for (int i = 0; i < volumes.size(); i++) {
            list.add(((ObjectNode) volumes.get(i).node().deepCopy()).put(marker, i));
        }
        return template;
    }
}
