package io.flinkops.compiler.source;

/** One input file: its path relative to the repository root (forward slashes) and its bytes. */
public record SourceFile(String path, byte[] bytes) {}
