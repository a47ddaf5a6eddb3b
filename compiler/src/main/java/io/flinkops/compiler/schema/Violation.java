package io.flinkops.compiler.schema;

/**
 * One schema violation: the JSON pointer of the offending node (for an unknown field, the field
 * itself) and the same node as a readable path ({@code spec.job.args[0]}), the schema keyword that
 * failed, and a readable message.
 */
public record Violation(String pointer, String field, String keyword, String message) {}
