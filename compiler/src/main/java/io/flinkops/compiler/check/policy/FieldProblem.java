package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;

/** What is wrong at {@code field}, a path below the item judged (a variable, an envFrom entry, a volume). */
record FieldProblem(String field, String message) {
    /** Whether a field is not there (unset, null or empty text); one of another type is the schema check's to name. */
    static boolean absent(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.isTextual() && value.textValue().isEmpty();
    }

    /** A path below an item as a message names it: {@code configMap/items/0} as {@code configMap.items[0]}. */
    static String label(String path) {
        return path.replace('/', '.').replaceAll("\\.(\\d+)", "[$1]");
    }
}
