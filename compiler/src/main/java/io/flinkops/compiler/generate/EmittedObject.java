package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One Kubernetes object the compiler will write: the output root (environment and application)
 * it belongs to, the object, and where its parts came from.
 */
public record EmittedObject(String environment, String root, ObjectNode object, Origin origin) {

    public String apiVersion() {
        return object.path("apiVersion").asText("");
    }

    public String kind() {
        return object.path("kind").asText("");
    }

    public String name() {
        return object.path("metadata").path("name").asText("");
    }

    public String namespace() {
        return object.path("metadata").path("namespace").asText("");
    }

    /** {@code Kind/namespace/name}: how diffs and reports name the object. */
    public String id() {
        return kind() + "/" + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }
}
