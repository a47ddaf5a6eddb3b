package io.flinkops.compiler.generate;

/** What the generate stage needs beyond the specs: the commit the sources came from, if clean. */
public record GenerateOptions(String commit) {}
