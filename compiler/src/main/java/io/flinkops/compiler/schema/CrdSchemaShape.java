package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.yaml.Pointers;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a CRD file's schemas must be before flinkops judges resources by them: what the API server
 * requires of a CRD (apiextensions.k8s.io/v1, a structural schema per version: {@code type: object} at
 * the root, no {@code $ref}, known types) and what the check needs to run at all (patterns it can
 * compile, bounds it can apply). A CRD that fails here would be refused by the API server, or would
 * leave part of every resource unchecked, so the file is refused at the first problem.
 */
final class CrdSchemaShape {
    private static final Set<String> TYPES = Set.of("object", "array", "string", "integer", "number", "boolean");
    private static final Set<String> COUNTS = Set.of("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties");
    private static final Set<String> BOUNDS = Set.of("minimum", "maximum", "multipleOf");
    private static final String[] COMBINATORS = {"allOf", "anyOf", "oneOf"};

    /** Where in the CRD document the first problem is (a JSON pointer), and what it is. */
    record Problem(String pointer, String message) {}

    private CrdSchemaShape() {}

    static Optional<Problem> firstProblem(JsonNode crd) {
        if (!"apiextensions.k8s.io/v1".equals(crd.path("apiVersion").asText())) {
            return Optional.of(new Problem("/apiVersion", "a CRD must be apiextensions.k8s.io/v1 (v1beta1 CRDs are gone since Kubernetes 1.22), not '"
                    + crd.path("apiVersion").asText() + "'"));
        }
        JsonNode group = crd.path("spec").path("group");
        if (!group.isTextual() || group.asText().isEmpty()) {
            return Optional.of(new Problem("/spec/group", "a CRD needs spec.group, the API group of the kind it defines"));
        }
        JsonNode versions = crd.path("spec").path("versions");
        if (!versions.isArray() || versions.isEmpty()) {
            return Optional.of(new Problem("/spec/versions", "a CRD needs spec.versions, each with a name and a schema"));
        }
        for (int i = 0; i < versions.size(); i++) {
            String at = "/spec/versions/" + i;
            JsonNode version = versions.get(i);
            if (!version.path("name").isTextual()) {
                return Optional.of(new Problem(at, "a CRD version needs a name (such as v1)"));
            }
            JsonNode root = version.path("schema").path("openAPIV3Schema");
            if (!root.isObject()) {
                return Optional.of(new Problem(at, "version " + version.path("name").asText()
                        + " has no schema.openAPIV3Schema, which apiextensions.k8s.io/v1 requires"));
            }
            if (!"object".equals(root.path("type").asText())) {
                return Optional.of(new Problem(at + "/schema/openAPIV3Schema", "the schema of version " + version.path("name").asText()
                        + " must have type: object at its root"));
            }
            Optional<Problem> problem = node(root, at + "/schema/openAPIV3Schema");
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<Problem> node(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return Optional.of(new Problem(at, "a schema must be a mapping"));
        }
        if (schema.has("$ref")) {
            return Optional.of(new Problem(Pointers.child(at, "$ref"), "a CRD schema cannot use $ref (the API server refuses it); write the schema out"));
        }
        JsonNode type = schema.get("type");
        if (type != null && !(type.isTextual() && TYPES.contains(type.asText()))) {
            return Optional.of(new Problem(Pointers.child(at, "type"), "type " + quoted(type) + " is not one of "
                    + String.join(", ", TYPES.stream().sorted().toList())));
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null) {
            if (!pattern.isTextual()) {
                return Optional.of(new Problem(Pointers.child(at, "pattern"), "pattern must be a string"));
            }
            Optional<String> why = BoundedPatterns.whyNot(pattern.asText());
            if (why.isPresent()) {
                return Optional.of(new Problem(Pointers.child(at, "pattern"), why.get()));
            }
            Optional<String> go = GoPatterns.whyGoRefuses(pattern.asText());
            if (go.isPresent()) {
                return Optional.of(new Problem(Pointers.child(at, "pattern"), "pattern '" + BoundedPatterns.shown(pattern.asText())
                        + "' is not one the API server accepts: " + go.get()));
            }
        }
        for (String count : COUNTS) {
            JsonNode n = schema.get(count);
            if (n != null && !(n.canConvertToLong() && n.isIntegralNumber() && n.asLong() >= 0)) {
                return Optional.of(new Problem(Pointers.child(at, count), count + " must be a whole number, 0 or more, not " + quoted(n)));
            }
        }
        for (String bound : BOUNDS) {
            JsonNode n = schema.get(bound);
            if (n != null && !n.isNumber()) {
                return Optional.of(new Problem(Pointers.child(at, bound), bound + " must be a number, not " + quoted(n)));
            }
        }
        if (schema.has("multipleOf") && schema.get("multipleOf").asDouble() <= 0) {
            return Optional.of(new Problem(Pointers.child(at, "multipleOf"), "multipleOf must be greater than 0"));
        }
        JsonNode required = schema.get("required");
        if (required != null && !(required.isArray() && allText(required))) {
            return Optional.of(new Problem(Pointers.child(at, "required"), "required must be a list of field names"));
        }
        JsonNode properties = schema.get("properties");
        if (properties != null) {
            if (!properties.isObject()) {
                return Optional.of(new Problem(Pointers.child(at, "properties"), "properties must map field names to schemas"));
            }
            for (Map.Entry<String, JsonNode> e : properties.properties()) {
                Optional<Problem> p = node(e.getValue(), Pointers.child(Pointers.child(at, "properties"), e.getKey()));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional != null && !additional.isBoolean()) {
            Optional<Problem> p = node(additional, Pointers.child(at, "additionalProperties"));
            if (p.isPresent()) {
                return p;
            }
        }
        JsonNode items = schema.get("items");
        if (items != null) {
            if (!items.isObject()) {
                return Optional.of(new Problem(Pointers.child(at, "items"), "items must be one schema (a structural schema has no list of item schemas)"));
            }
            Optional<Problem> p = node(items, Pointers.child(at, "items"));
            if (p.isPresent()) {
                return p;
            }
        }
        for (String combinator : COMBINATORS) {
            JsonNode parts = schema.get(combinator);
            if (parts == null) {
                continue;
            }
            if (!parts.isArray()) {
                return Optional.of(new Problem(Pointers.child(at, combinator), combinator + " must be a list of schemas"));
            }
            for (int i = 0; i < parts.size(); i++) {
                Optional<Problem> p = node(parts.get(i), Pointers.child(Pointers.child(at, combinator), i));
                if (p.isPresent()) {
                    return p;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean allText(JsonNode list) {
        for (JsonNode n : list) {
            if (!n.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static String quoted(JsonNode n) {
        String text = n.isTextual() ? n.asText() : n.toString();
        return "'" + (text.length() > 60 ? text.substring(0, 60) + "..." : text) + "'";
    }
}
