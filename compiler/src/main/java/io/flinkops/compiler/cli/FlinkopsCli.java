package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.InputException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command line: a thin shell that parses options, calls the pipeline and maps results to exit codes. */
@Command(name = "flinkops", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "GitOps policy and manifest compiler for Apache Flink on Kubernetes.",
        subcommands = {BuildCommand.class, ValidateCommand.class, DiffCommand.class, RulesCommand.class, ExplainCommand.class,
            SchemaCommand.class, CommandLine.HelpCommand.class})
public final class FlinkopsCli implements Runnable {
    private CliContext context;

    CliContext context() {
        return context;
    }

    @Override
    public void run() {
        context.out().println(new CommandLine(this).getUsageMessage());
        context.out().flush();
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliContext ctx = new CliContext(out, err, System.in, Path.of("").toAbsolutePath(), Clock.systemUTC(), System.getenv(),
                System.console() != null);
        int code = run(ctx, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command in-process; tests call this with their own streams, clock and environment. */
    public static int run(CliContext ctx, String... args) {
        FlinkopsCli cli = new FlinkopsCli();
        cli.context = ctx;
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = new CommandLine(cli);
        cl.setOut(ctx.out());
        cl.setErr(ctx.err());
        cl.setParameterExceptionHandler((ex, a) -> {
            ctx.err().println("flinkops: " + ex.getMessage());
            ctx.err().println("Try 'flinkops " + (ex.getCommandLine().getCommandName().equals("flinkops") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help'.");
            ctx.err().flush();
            return ExitCode.USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException ie) {
                ctx.err().println("flinkops: " + ie.oneLine());
            } else if (ex instanceof UncheckedIOException io) {
                ctx.err().println("flinkops: " + oneLine(io.getMessage()));
            } else {
                ctx.err().println("flinkops: internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
            }
            if (verbose) {
                ex.printStackTrace(ctx.err());
            }
            ctx.err().flush();
            return ExitCode.USAGE;
        });
        int code = cl.execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    private static String oneLine(String s) {
        return s == null ? "I/O error" : s.replaceAll("\\s+", " ");
    }
}
