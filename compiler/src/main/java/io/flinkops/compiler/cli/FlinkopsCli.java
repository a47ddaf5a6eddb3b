package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.cache.ContextPacks;
import io.flinkops.compiler.concurrent.Daemon;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.policy.PolicyLoader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** The command line: a thin shell that parses options, calls the pipeline and maps results to exit codes. */
public final class FlinkopsCli implements Runnable {
    /** Subcommands by name, in help order (and picocli's own help command last); their models are built in {@link Specs}. */
    private static final Map<String, Function<FlinkopsCli, CommandSpec>> COMMANDS = new LinkedHashMap<>();

    static {
        COMMANDS.put("build", cli -> new BuildCommand(cli).spec);
        COMMANDS.put("validate", cli -> new ValidateCommand(cli).spec);
        COMMANDS.put("diff", cli -> new DiffCommand(cli).spec);
        COMMANDS.put("rules", cli -> new RulesCommand(cli).spec);
        COMMANDS.put("explain", cli -> new ExplainCommand(cli).spec);
        COMMANDS.put("schema", cli -> new SchemaCommand(cli).spec);
    }
    private static final String HELP = "help";

    /** Commands that check specs; for them a compiler warms up on another core while picocli parses. */
    private static final Set<String> CHECKING = Set.of("build", "validate", "diff");

    private CliContext context;
    private CompletableFuture<Compiler> compiler;

    CliContext context() {
        return context;
    }

    /** The pipeline for this run: the one warmed up in the background, or a new one. */
    Compiler compiler() {
        if (compiler != null) {
            try {
                return compiler.join();
            } catch (RuntimeException e) {
                // a warm-up that failed is only time lost: the run starts from a fresh compiler
            }
        }
        return new Compiler();
    }

    @Override
    public void run() {
        context.out().println(commandLine(this, "").getUsageMessage());
        context.out().flush();
    }

    /**
     * The command line with the model of the named command only, or of every command when none is named
     * (as for help and usage errors): a run needs only its own.
     */
    private static CommandLine commandLine(FlinkopsCli cli, String command) {
        CommandLine cl = new CommandLine(Specs.command(cli, "flinkops", "GitOps policy and manifest compiler for Apache Flink on Kubernetes."));
        if (COMMANDS.containsKey(command)) {
            cl.addSubcommand(command, new CommandLine(COMMANDS.get(command).apply(cli)));
        } else {
            COMMANDS.forEach((name, spec) -> cl.addSubcommand(name, new CommandLine(spec.apply(cli))));
            cl.addSubcommand(HELP, CommandLine.HelpCommand.class);
        }
        return cl;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        CliContext ctx = new CliContext(out, err, System.in, Path.of("").toAbsolutePath(), Clock.systemUTC(), System.getenv(),
                System.console() != null);
        CompletableFuture<Compiler> warm = null;
        if (args.length > 0 && CHECKING.contains(args[0]) && !Arrays.asList(args).contains("--help")) {
            // the compiler is handed over as soon as it exists; its warm-up goes on beside the run
            if (checksRawFiles(args)) {
                // a raw resource is checked against the newest operator unless told otherwise, and its
                // check gains from a warm-up; a run over environments (all of them, or those of the
                // specs given) loads the schemas they name (Compiler.compile), would only have the
                // second core taken from its parsing by a warm-up, and reaches every validator soon enough
                warm = CompletableFuture.supplyAsync(Compiler::preparing, FlinkopsCli::daemon);
                warm.thenAcceptAsync(Compiler::warmUp, FlinkopsCli::daemon);
            } else {
                warm = CompletableFuture.supplyAsync(Compiler::new, FlinkopsCli::daemon);
                prefetchContextPacks(args);
            }
        }
        int code = run(ctx, warm, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command in-process; tests call this with their own streams, clock and environment. */
    public static int run(CliContext ctx, String... args) {
        return run(ctx, null, args);
    }

    private static int run(CliContext ctx, CompletableFuture<Compiler> warm, String... args) {
        FlinkopsCli cli = new FlinkopsCli();
        cli.context = ctx;
        cli.compiler = warm;
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cl = commandLine(cli, args.length > 0 ? args[0] : "");
        // an argument is what it says: picocli would read "@name" as a file of further arguments (a
        // spec named @job.yaml would become its own lines as options, "@/dev/zero" would never end)
        cl.setExpandAtFiles(false);
        // paths, lists of them included, are never empty (see there)
        cl.registerConverter(Path.class, Specs::nonEmptyPath);
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
        int code;
        try {
            code = cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) {
            // picocli hands only exceptions to the handler above; an error must end in one line too
            ctx.err().println("flinkops: internal error: " + e + (verbose ? "" : " (run with --verbose for details)"));
            if (verbose) {
                e.printStackTrace(ctx.err());
            }
            code = ExitCode.USAGE;
        }
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    /**
     * Whether a run validates standard input or files outside environments/, overlays/ and policies/,
     * which are checked as raw resources (a guess from the arguments; it only steers the warm-up).
     */
    private static boolean checksRawFiles(String[] args) {
        return args[0].equals("validate") && Arrays.stream(args).skip(1)
                .anyMatch(a -> a.equals("-") || !a.startsWith("-") && Files.isRegularFile(Path.of(a)) && !inRepositoryFolder(Path.of(a)));
    }

    /**
     * For a validate of specs, starts reading their environments' context packs while picocli sets the
     * run up (a guess from the arguments, as the warm-up's: a pack read for nothing costs time, never a
     * result, see {@link ContextPacks#prefetch}).
     */
    private static void prefetchContextPacks(String[] args) {
        List<String> list = Arrays.asList(args);
        if (!args[0].equals("validate") || list.contains("--no-cache") || list.stream().anyMatch(a -> a.equals("--ref") || a.startsWith("--ref="))) {
            return;
        }
        Path root = Path.of("").toAbsolutePath();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--repo") && i + 1 < args.length) {
                root = root.resolve(args[i + 1]);
            } else if (args[i].startsWith("--repo=")) {
                root = root.resolve(args[i].substring("--repo=".length()));
            }
        }
        root = root.normalize();
        for (String arg : args) {
            if (arg.startsWith("-")) {
                continue;
            }
            Path file = Path.of(arg).toAbsolutePath().normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                continue;
            }
            Path rel = root.relativize(file);
            if (rel.getNameCount() >= 3 && rel.getName(0).toString().equals(RepositoryLoader.ENVIRONMENTS)) {
                ContextPacks.prefetch(root, rel.getName(1).toString());
            }
        }
    }

    private static boolean inRepositoryFolder(Path file) {
        for (Path part : file.toAbsolutePath().normalize()) {
            String name = part.toString();
            if (name.equals(RepositoryLoader.ENVIRONMENTS) || name.equals(OverlayLoader.OVERLAYS) || name.equals(PolicyLoader.POLICIES)) {
                return true;
            }
        }
        return false;
    }

    private static void daemon(Runnable task) {
        Daemon.start("flinkops-warm-up", task);
    }

    private static String oneLine(String s) {
        return s == null ? "I/O error" : s.replaceAll("\\s+", " ");
    }
}
