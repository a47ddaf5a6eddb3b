package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Turns a CRD's {@code openAPIV3Schema} into a strict JSON Schema (draft 7), the way the API server
 * validates with strict field validation: objects with declared properties reject unknown fields
 * unless {@code x-kubernetes-preserve-unknown-fields}, int-or-string accepts both, nullable admits
 * null. Descriptions and defaults are dropped; they do not validate anything.
 */
public final class CrdConverter {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final Set<String> COPIED = Set.of(
            "enum", "pattern", "minimum", "maximum", "minLength", "maxLength", "minItems", "maxItems",
            "uniqueItems", "required", "minProperties", "maxProperties", "multipleOf");

    private CrdConverter() {}

    public static ObjectNode convertRoot(JsonNode openApi) {
        ObjectNode out = convert(openApi);
        ObjectNode props = out.withObject("properties");
        props.set("metadata", objectMeta());
        props.putObject("apiVersion").put("type", "string");
        props.putObject("kind").put("type", "string");
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        return out;
    }

    public static ObjectNode convert(JsonNode s) {
        ObjectNode out = F.objectNode();
        boolean preserve = s.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean intOrString = s.path("x-kubernetes-int-or-string").asBoolean(false);
        boolean nullable = s.path("nullable").asBoolean(false);
        if (intOrString) {
            ArrayNode anyOf = out.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        } else if (s.has("type")) {
            String type = s.get("type").asText();
            if (nullable) {
                out.putArray("type").add(type).add("null");
            } else {
                out.put("type", type);
            }
        }
        for (var e : s.properties()) {
            if (COPIED.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        if (s.path("exclusiveMinimum").asBoolean(false) && s.has("minimum")) {
            out.remove("minimum");
            out.set("exclusiveMinimum", s.get("minimum"));
        }
        if (s.path("exclusiveMaximum").asBoolean(false) && s.has("maximum")) {
            out.remove("maximum");
            out.set("exclusiveMaximum", s.get("maximum"));
        }
        if (s.has("properties")) {
            ObjectNode props = out.putObject("properties");
            s.get("properties").properties().forEach(e -> props.set(e.getKey(), convert(e.getValue())));
        }
        JsonNode additional = s.get("additionalProperties");
        if (additional != null && additional.isObject()) {
            out.set("additionalProperties", convert(additional));
        } else if (additional != null && additional.isBoolean()) {
            out.put("additionalProperties", additional.booleanValue());
        } else if (s.has("properties") && !preserve) {
            out.put("additionalProperties", false);
        } else if (!s.has("properties") && !preserve && "object".equals(s.path("type").asText())
                && !s.path("x-kubernetes-embedded-resource").asBoolean(false)) {
            // An object with neither properties nor preserve-unknown-fields keeps no fields at all
            // on a structural schema; with strict field validation every field in it is unknown.
            out.put("additionalProperties", false);
        }
        if (s.has("items")) {
            out.set("items", convert(s.get("items")));
        }
        for (String combinator : new String[] {"allOf", "anyOf", "oneOf"}) {
            if (s.has(combinator) && !intOrString) {
                ArrayNode arr = out.putArray(combinator);
                s.get(combinator).forEach(sub -> arr.add(convertPartial(sub)));
            }
        }
        return out;
    }

    /** Sub-schemas of combinators may only restate value constraints, never make objects closed. */
    private static ObjectNode convertPartial(JsonNode s) {
        ObjectNode out = convert(s);
        out.remove("additionalProperties");
        return out;
    }

    /** ObjectMeta as the API server checks it on create: the fields it knows, with their types. */
    static ObjectNode objectMeta() {
        ObjectNode meta = F.objectNode();
        meta.put("type", "object");
        meta.put("additionalProperties", false);
        ObjectNode p = meta.putObject("properties");
        ObjectNode stringMap = F.objectNode();
        stringMap.put("type", "object");
        stringMap.putObject("additionalProperties").put("type", "string");
        for (String f : new String[] {"name", "generateName", "namespace", "uid", "resourceVersion", "selfLink",
                "creationTimestamp", "deletionTimestamp"}) {
            p.putObject(f).put("type", "string");
        }
        p.putObject("generation").put("type", "integer");
        p.putObject("deletionGracePeriodSeconds").put("type", "integer");
        p.set("labels", stringMap.deepCopy());
        p.set("annotations", stringMap.deepCopy());
        ObjectNode finalizers = p.putObject("finalizers");
        finalizers.put("type", "array");
        finalizers.putObject("items").put("type", "string");
        p.putObject("ownerReferences").put("type", "array");
        p.putObject("managedFields").put("type", "array");
        return meta;
    }
}
