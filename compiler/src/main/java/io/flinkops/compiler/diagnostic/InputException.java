package io.flinkops.compiler.diagnostic;

/** Unreadable input or bad usage: the run stops with exit code 2 and this one-line reason. */
public final class InputException extends RuntimeException {
    private final SourceLocation location;

    public InputException(SourceLocation location, String message) {
        super(message);
        this.location = location;
    }

    public InputException(String message) {
        this(null, message);
    }

    public SourceLocation location() {
        return location;
    }

    /** {@code file:line:col: message}, or the message alone when no file is involved. */
    public String oneLine() {
        return location == null ? OneLine.of(getMessage()) : location + ": " + OneLine.of(getMessage());
    }
}
