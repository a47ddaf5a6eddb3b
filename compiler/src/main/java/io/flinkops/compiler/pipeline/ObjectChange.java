package io.flinkops.compiler.pipeline;

/** How one emitted object differs between the base and the head of a pull request. */
public record ObjectChange(String environment, String root, String id, Kind kind, String diff) {
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }
}
