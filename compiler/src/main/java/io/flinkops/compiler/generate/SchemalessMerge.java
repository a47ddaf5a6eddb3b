package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.flinkops.compiler.yaml.Pointers;
import io.flinkops.compiler.yaml.WrittenScalars;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A strategic-merge patch applied as kustomize applies one to an object whose schema it does not
 * know, which is every custom resource (the operator's kinds among them), and to an object whose schema
 * gives the lists the patch writes no merge key (a NetworkPolicy's, a Role's): mappings merge key by key,
 * a null removes its key, and anything else, lists included, replaces what was there whole. A value
 * written plain where the object's file has text quoted stays text, in the words the patch wrote
 * ({@code 4} over {@code "2"} is {@code "4"}). A mapping's {@code $patch: replace} replaces it,
 * {@code $patch: delete} removes it; every other directive ({@code $retainKeys},
 * {@code $setElementOrder/...}, a {@code $patch} inside a list) is kept as a field like any other, as
 * kustomize keeps it (and the API server then refuses it). A mapping, list or value in the patch where
 * the object has another of the three is kustomize's "wrong node kind" error, and so is an unknown
 * strategy.
 *
 * <p>Checked against {@code kubectl kustomize} in {@code SchemalessMergeTest}.
 */
public final class SchemalessMerge {
    private static final String DIRECTIVE = "$patch";

    /**
     * The patched object, the pointers whose values the patch wrote or removed (each a subtree the
     * patch decides), or the reason kustomize refuses the patch, at a pointer into the patch.
     */
    public record Result(ObjectNode object, List<String> written, Optional<Conflict> conflict) {}

    public record Conflict(String pointer, String message) {}

    private final List<String> written = new ArrayList<>();
    private final Predicate<String> writtenQuoted;

    private SchemalessMerge(Predicate<String> writtenQuoted) {
        this.writtenQuoted = writtenQuoted;
    }

    /**
     * Applies {@code patch} (a whole document: apiVersion, kind, metadata and the rest, as kustomize reads
     * it: {@link Kustomize#asRead}) to a copy of {@code object}, whose file writes a text value quoted (or
     * as a block) when {@code writtenQuoted} says so.
     */
    public static Result apply(ObjectNode object, ObjectNode patch, Predicate<String> writtenQuoted) {
        SchemalessMerge merge = new SchemalessMerge(writtenQuoted);
        ObjectNode copy = object.deepCopy(); // merged into in place
        String strategy = patch.path(DIRECTIVE).asText("");
        if (strategy.equals("delete") || strategy.equals("replace")) {
            // a whole object's delete takes it out of the root (OverlayWiring), and kustomize leaves it
            // as it was for a replace; a merge merges, and any other strategy is refused, as in a mapping
            return new Result(copy, List.of(), Optional.empty());
        }
        try {
            return new Result((ObjectNode) merge.merge(copy, patch, ""), List.copyOf(merge.written), Optional.empty());
        } catch (ConflictException e) {
            return new Result(object, List.of(), Optional.of(e.conflict));
        }
    }

    /** The merged value, or null when the key goes. */
    private JsonNode merge(JsonNode current, JsonNode patch, String pointer) {
        boolean absent = current == null || current.isNull();
        if (patch.isNull()) {
            if (!absent) {
                written.add(pointer);
            }
            return null;
        }
        if (patch.isObject()) {
            return mergeMapping(absent ? null : current, patch, pointer);
        }
        if (!absent && (current.isObject() || current.isArray() != patch.isArray())) {
            throw conflict(pointer, current, patch);
        }
        written.add(pointer);
        if (patch.isArray()) {
            return patch.deepCopy();
        }
        boolean quotedBefore = !absent && current.isTextual() && writtenQuoted.test(current.textValue());
        if (!patch.isTextual() && quotedBefore) {
            return TextNode.valueOf(WrittenScalars.text(patch));
        }
        return patch;
    }

    private JsonNode mergeMapping(JsonNode current, JsonNode patch, String pointer) {
        JsonNode directive = patch.get(DIRECTIVE);
        String strategy = directive == null ? "merge" : directive.isTextual() ? directive.textValue() : directive.toString();
        switch (strategy) {
            case "delete" -> {
                if (current != null) {
                    written.add(pointer);
                }
                return null;
            }
            case "replace" -> current = null;
            case "merge" -> { }
            default -> throw new ConflictException(new Conflict(Pointers.child(pointer, DIRECTIVE),
                    "kustomize knows no patch strategy '" + strategy + "' (merge, replace or delete), and refuses the patch"));
        }
        if (current != null && !current.isObject()) {
            throw conflict(pointer, current, patch);
        }
        ObjectNode out;
        if (current == null) {
            out = JsonNodeFactory.instance.objectNode();
            written.add(pointer);
        } else {
            out = (ObjectNode) current; // part of the copy apply made
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals(DIRECTIVE)) {
                continue;
            }
            JsonNode merged = merge(out.get(field.getKey()), field.getValue(), Pointers.child(pointer, field.getKey()));
            if (merged == null) {
                out.remove(field.getKey());
            } else {
                out.set(field.getKey(), merged);
            }
        }
        return out;
    }

    private static ConflictException conflict(String pointer, JsonNode current, JsonNode patch) {
        return new ConflictException(new Conflict(pointer, "the object has " + shape(current) + " at " + (pointer.isEmpty() ? "/" : pointer)
                + " and the patch " + shape(patch) + ": kustomize refuses to merge them (wrong node kind)"));
    }

    private static String shape(JsonNode node) {
        return node.isObject() ? "a mapping" : node.isArray() ? "a list" : "a value";
    }

    private static final class ConflictException extends RuntimeException {
        final Conflict conflict;

        ConflictException(Conflict conflict) {
            super(conflict.message(), null, false, false);
            this.conflict = conflict;
        }
    }
}
