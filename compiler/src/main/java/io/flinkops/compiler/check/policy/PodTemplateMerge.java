package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.OperatorKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A component's pod template laid over the shared one as the operator lays it
 * (FlinkUtils.mergePodTemplates), quirks and all, so that the rules judge the pods the operator asks for:
 * <ul>
 *   <li>mappings key into key, a component's value replacing the shared one, but never a mapping;</li>
 *   <li>lists item by item by position, a component's item merged into the shared one at its index, so
 *       that in a list of texts (command, args) the shared ones stay and only those past its end are added;</li>
 *   <li>with kubernetes.operator.pod-template.merge-arrays-by-name, lists whose items all have a name by
 *       name instead: of two items of one name the later, at the earlier's place; new names at the end.
 *       An item a list gains by position is merged into itself, which then drops such doubles in it too.</li>
 * </ul>
 * The operator reads a template into Kubernetes' model classes first, which drop null values and empty
 * lists: those are left out here as well.
 */
final class PodTemplateMerge {
    private PodTemplateMerge() {}

    /** Whether the operator merges the object's templates by name: its configuration over the operator's defaults says so. */
    static boolean byName(CheckTarget t) {
        return t.admissionConf().get(OperatorKeys.MERGE_ARRAYS_BY_NAME).flatMap(FlinkValues::bool).orElse(false);
    }

    /** The pod template a component's pods start from; a missing template counts as empty. */
    static JsonNode merge(JsonNode shared, JsonNode component, boolean byName) {
        if (!shared.isObject()) {
            return component.isObject() ? component : JsonNodeFactory.instance.objectNode();
        }
        if (!component.isObject()) {
            return shared;
        }
        ObjectNode out = shared.deepCopy();
        mergeInto(out, component.deepCopy(), byName);
        return out;
    }

    private static void mergeInto(JsonNode to, JsonNode from, boolean byName) {
        from.properties().forEach(e -> {
            JsonNode under = to.get(e.getKey());
            JsonNode over = e.getValue();
            if (dropped(over)) {
                return;
            }
            if (under != null && !dropped(under) && under.isArray() && over.isArray()) {
                mergeList((ArrayNode) under, (ArrayNode) over, byName);
            } else if (under != null && under.isObject()) {
                mergeInto(under, over, byName);
            } else if (to instanceof ObjectNode map) {
                map.set(e.getKey(), over);
            }
        });
    }

    private static boolean dropped(JsonNode n) {
        return n.isNull() || n.isArray() && n.isEmpty();
    }

    private static void mergeList(ArrayNode to, ArrayNode from, boolean byName) {
        if (byName && named(to) && named(from)) {
            Map<String, JsonNode> merged = byName(to);
            byName(from).forEach((name, item) -> merged.compute(name, (n, under) -> {
                if (under == null) {
                    return item;
                }
                mergeInto(under, item, true);
                return under;
            }));
            to.removeAll();
            merged.values().forEach(to::add);
            return;
        }
        for (int i = 0; i < from.size(); i++) {
            if (to.size() <= i) {
                to.add(from.get(i));
            }
            mergeInto(to.get(i), from.get(i), byName);
        }
    }

    private static boolean named(ArrayNode list) {
        for (JsonNode item : list) {
            if (!item.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, JsonNode> byName(ArrayNode list) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        list.forEach(item -> out.put(item.get("name").asText(), item));
        return out;
    }
}
