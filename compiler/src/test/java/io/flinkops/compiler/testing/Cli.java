package io.flinkops.compiler.testing;

import io.flinkops.compiler.cli.CliContext;
import io.flinkops.compiler.cli.FlinkopsCli;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/** Runs the CLI in-process with captured streams and a fixed clock. */
public final class Cli {
    public record Result(int code, String out, String err) {}

    private Cli() {}

    public static Result run(Path cwd, String... args) {
        return runWithInput(cwd, "", args);
    }

    public static Result runWithInput(Path cwd, String stdin, String... args) {
        return runWithEnvironment(cwd, stdin, Map.of(), args);
    }

    /** With these environment variables (none otherwise). */
    public static Result runWithEnvironment(Path cwd, String stdin, Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CliContext ctx = new CliContext(new PrintWriter(out), new PrintWriter(err),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), cwd,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC), env, false);
        int code = FlinkopsCli.run(ctx, args);
        return new Result(code, out.toString(), err.toString());
    }
}
