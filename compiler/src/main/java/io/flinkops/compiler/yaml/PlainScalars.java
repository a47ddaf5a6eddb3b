package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Whether a text written as a plain YAML scalar reads back as that same text to the readers a
 * manifest meets: kubectl's (go-yaml v2, YAML 1.1, where {@code yes}, {@code 0x10}, {@code 1e3} and
 * {@code 1_000} are no text) and kustomize's, in Argo CD too (go-yaml v3, which also takes
 * {@code 2024-01-01} for a timestamp and writes it back as {@code 2024-01-01T00:00:00Z}).
 */
public final class PlainScalars {
    private PlainScalars() {}

    public static boolean readBackAsText(String text) {
        if (GoTimestamps.inJson(text).isPresent()) {
            return false;
        }
        JsonNode read = KubectlScalars.resolve(text, KubectlScalars.PLAIN);
        return read.isTextual() && read.textValue().equals(text);
    }
}
