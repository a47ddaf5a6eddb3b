package io.flinkops.compiler.schema;

/** A CRD file the user supplied: how to name it in messages, and its bytes. */
public record CrdSource(String name, byte[] bytes) {}
