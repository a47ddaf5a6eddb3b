package io.flinkops.compiler.load;

import io.flinkops.compiler.yaml.LocatedDocument;

/**
 * A hand-written file under {@code overlays/<env>/<root>/}: a strategic-merge patch of a generated
 * object ({@code patches/}) or an extra resource ({@code resources/}), copied into that root.
 */
public record Overlay(String environment, String root, Kind kind, String path, byte[] bytes, LocatedDocument document) {
    public enum Kind {
        PATCH,
        RESOURCE
    }

    /** The file name inside the generated root. */
    public String outputName() {
        String name = path.substring(path.lastIndexOf('/') + 1);
        return (kind == Kind.PATCH ? "overlay-patch-" : "overlay-") + name;
    }
}
