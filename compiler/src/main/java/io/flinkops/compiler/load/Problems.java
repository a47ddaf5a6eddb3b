package io.flinkops.compiler.load;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.diagnostic.SourceLocation;

/** The rule ids of the load stage, and how its findings are built. */
public final class Problems {
    /** The file cannot be read as YAML at all; the run exits with code 2. */
    public static final String UNREADABLE = "unreadable-input";
    /** A document whose apiVersion and kind flinkops does not know. */
    public static final String UNKNOWN_KIND = "unknown-kind";
    /** A flinkops.io spec that does not match its published schema. */
    public static final String SPEC_INVALID = "spec-invalid";
    /** A reference that points at nothing: a size, a namespace, a session cluster. */
    public static final String UNRESOLVED = "unresolved-reference";
    /** Layout rules of the repository: one resource per file, names that match folders, duplicates. */
    public static final String LAYOUT = "repository-layout";

    private Problems() {}

    public static Diagnostic of(String rule, SourceLocation at, String pointer, String message, String fix) {
        return new Diagnostic(rule, Category.PARSE, Severity.ERROR, at, pointer, message, fix);
    }

    public static Diagnostic unreadable(InputException e) {
        SourceLocation at = e.location() != null ? e.location() : new SourceLocation("-", 1, 1);
        return of(UNREADABLE, at, "", e.getMessage(), "Fix the file so that it is valid UTF-8 YAML within the documented limits.");
    }
}
