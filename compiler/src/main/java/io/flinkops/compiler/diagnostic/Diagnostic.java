package io.flinkops.compiler.diagnostic;

import java.util.Comparator;
import java.util.Objects;

/**
 * One finding: which rule, how bad, where in the source the user wrote, where in the emitted object
 * (a JSON pointer, empty when the finding is about the file itself), what is wrong and how to fix it.
 */
public record Diagnostic(
        String rule,
        Category category,
        Severity severity,
        SourceLocation location,
        String pointer,
        String message,
        String remediation) {

    public static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::rule)
            .thenComparing(Diagnostic::pointer)
            .thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        pointer = pointer == null ? "" : pointer;
        Objects.requireNonNull(message, "message");
        remediation = remediation == null ? "" : remediation;
    }

    public Diagnostic withSeverity(Severity newSeverity) {
        return new Diagnostic(rule, category, newSeverity, location, pointer, message, remediation);
    }

    /** The one-line form: {@code file:line:col: error: message [rule]}. */
    public String oneLine() {
        return location + ": " + severity.label() + ": " + message + " [" + rule + "]";
    }
}
