package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The containers and init containers a FlinkDeployment's pod templates declare, where they were written. */
final class PodTemplateContainers {
    /** The template shared by both components (null), and each component's own, which the operator merges over it. */
    static final String[] COMPONENTS = {null, "jobManager", "taskManager"};

    /**
     * One declared container: {@code list} is {@code containers} or {@code initContainers}, {@code index}
     * its position there.
     */
    record Container(String pointer, String list, int index, JsonNode node) {
        String name() {
            return node.path("name").asText("");
        }
    }

    private PodTemplateContainers() {}

    /** The containers of one template: the shared one ({@code component} null) or a component's. */
    static List<Container> of(JsonNode spec, String component) {
        JsonNode template = (component == null ? spec : spec.path(component)).path("podTemplate").path("spec");
        String pointer = (component == null ? "/spec" : "/spec/" + component) + "/podTemplate/spec/";
        List<Container> out = new ArrayList<>();
        for (String list : new String[] {"containers", "initContainers"}) {
            JsonNode items = template.path(list);
            for (int i = 0; items.isArray() && i < items.size(); i++) {
                if (items.get(i).isObject()) {
                    out.add(new Container(pointer + list + "/" + i, list, i, items.get(i)));
                }
            }
        }
        return out;
    }
}
