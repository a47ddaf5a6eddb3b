package io.flinkops.compiler.pipeline;

/** How one emitted object, or one file of the output besides them (an overlay), differs between the base and the head of a pull request. */
public record ObjectChange(String environment, String root, String id, Kind kind, String diff) {
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }
}
