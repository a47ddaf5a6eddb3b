package io.flinkops.compiler.model;

/** Checkpoint settings; {@code enabled} defaults to on for stateful upgrade modes. */
public record Checkpointing(boolean enabled, String interval, String mode, String minPause, String timeout) {}
