package io.flinkops.compiler.schema;

/**
 * One schema violation: the JSON pointer of the offending node (for an unknown field, the field
 * itself), the schema keyword that failed, and a readable message.
 */
public record Violation(String pointer, String keyword, String message) {}
