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
        message = shortened(Objects.requireNonNull(message, "message"));
        remediation = remediation == null ? "" : remediation;
    }

    /**
     * Longest message kept whole. A finding that quotes a 400 KB value keeps its beginning (the object)
     * and its end (most messages end with the reason) around a count; its location shows the rest.
     */
    static final int MAX_MESSAGE = 1000;
    private static final int HEAD = 500;
    private static final int TAIL = 300;

    private static String shortened(String message) {
        if (message.length() <= MAX_MESSAGE) {
            return message;
        }
        int head = HEAD;
        int tail = message.length() - TAIL;
        if (Character.isHighSurrogate(message.charAt(head - 1))) {
            head--; // never half a character
        }
        if (Character.isLowSurrogate(message.charAt(tail))) {
            tail++;
        }
        return message.substring(0, head) + "…[" + (tail - head) + " characters]…" + message.substring(tail);
    }

    /** The same finding on another revision: rule, file, pointer and message agree; lines may have moved. */
    public boolean sameFindingAs(Diagnostic other) {
        return rule.equals(other.rule) && location.file().equals(other.location.file())
                && pointer.equals(other.pointer) && message.equals(other.message);
    }

    /** The one-line form: {@code file:line:col: error: message [rule]}. */
    public String oneLine() {
        return location + ": " + severity.label() + ": " + OneLine.of(message) + " [" + rule + "]";
    }
}
