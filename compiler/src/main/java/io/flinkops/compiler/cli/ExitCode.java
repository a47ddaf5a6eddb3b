package io.flinkops.compiler.cli;

/** The exit codes of DESIGN.md. */
public final class ExitCode {
    public static final int OK = 0;
    public static final int FINDINGS = 1;
    public static final int USAGE = 2;

    private ExitCode() {}
}
