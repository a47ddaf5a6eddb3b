package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.load.OperatorConfigurationFile;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.pipeline.CompileRequest;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.pipeline.EnvironmentResult;
import io.flinkops.compiler.policy.PolicyException;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.report.ReportFormat;
import io.flinkops.compiler.report.RunReport;
import io.flinkops.compiler.schema.CrdSchemas;
import io.flinkops.compiler.schema.CrdSource;
import io.flinkops.compiler.source.FileErrors;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.yaml.YamlLimits;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.source.git.GitTree;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The glue the commands share: sources from options, requests, reports and exit codes. */
final class Runs {
    private Runs() {}

    static Path repoRoot(CliContext ctx, CommonOptions o) {
        Path root = o.repo != null ? ctx.cwd().resolve(o.repo) : ctx.cwd();
        if (!Files.isDirectory(root)) {
            throw new InputException("repository folder " + root + (Files.exists(root) ? " is not a folder" : " does not exist"));
        }
        return root.toAbsolutePath().normalize();
    }

    static SourceTree sources(CliContext ctx, CommonOptions o) {
        Path root = repoRoot(ctx, o);
        return o.ref != null ? GitTree.open(root, o.ref) : new FileSystemTree(root);
    }

    /**
     * A repository-wide run that found no environments/ folder at all is run in the wrong folder (or
     * names the wrong --repo or --ref): it would check nothing and pass, so it stops. Listed only then.
     */
    static void requireEnvironments(SourceTree sources, CompileResult result) {
        if (result.environments().isEmpty() && sources.list(RepositoryLoader.ENVIRONMENTS).isEmpty()) {
            throw new InputException("no " + RepositoryLoader.ENVIRONMENTS + "/ folder in " + sources.describe()
                    + ": nothing to check; run flinkops in the repository's root folder, or name it with --repo");
        }
    }

    /** The commit a working tree was compiled from: its HEAD, when nothing is uncommitted. */
    static String commitOf(CliContext ctx, CommonOptions o, SourceTree sources) {
        if (sources.commit().isPresent()) {
            return sources.commit().get();
        }
        return io.flinkops.compiler.source.git.WorkingTreeState.cleanHead(repoRoot(ctx, o)).orElse(null);
    }

    static LocalDate today(CliContext ctx) {
        String fixed = ctx.env().get("FLINKOPS_TODAY");
        if (fixed == null) {
            return LocalDate.now(ctx.clock().withZone(ZoneOffset.UTC));
        }
        try {
            return LocalDate.parse(fixed);
        } catch (java.time.format.DateTimeParseException e) {
            throw new InputException("FLINKOPS_TODAY is '" + io.flinkops.compiler.diagnostic.OneLine.of(fixed)
                    + "', not a date of the form YYYY-MM-DD (such as 2026-12-01)");
        }
    }

    /** A request for checking only: no provenance, so no need to ask Git whether the tree is clean. */
    static CompileRequest request(CliContext ctx, CommonOptions o, SourceTree sources) {
        return request(ctx, o, sources, false);
    }

    /** With {@code provenance}, emitted objects record the commit of a clean checkout (costs a Git status). */
    static CompileRequest request(CliContext ctx, CommonOptions o, SourceTree sources, boolean provenance) {
        SourceTree policies = o.policiesFrom != null ? GitTree.open(repoRoot(ctx, o), o.policiesFrom) : sources;
        List<CrdSource> crds = new ArrayList<>();
        for (Path p : o.crds) {
            Path file = ctx.cwd().resolve(p);
            CrdSource crd;
            try {
                crd = CrdSource.read(p.toString(), FileSystemTree.readFile(file, p.toString(), YamlLimits.DEFAULT));
            } catch (IOException e) {
                throw new InputException(SourceLocation.start(p.toString()), "cannot read CRD file: " + FileErrors.reason(e));
            }
            if (crd.definitions().isEmpty()) {
                throw new InputException(SourceLocation.start(p.toString()),
                        "--crd file holds no CustomResourceDefinition (kind: CustomResourceDefinition with spec.names.kind)");
            }
            crds.add(crd);
        }
        if (o.operatorVersion != null && !CrdSchemas.isBuiltIn(o.operatorVersion) && crds.isEmpty()) {
            throw new InputException("--operator-version " + o.operatorVersion + " has no built-in CRDs (built in: "
                    + String.join(", ", CrdSchemas.BUILT_IN) + "); name its CRD files with --crd");
        }
        Map<String, String> operatorConfiguration = Map.of();
        if (o.operatorConfig != null) {
            String name = o.operatorConfig.toString();
            try {
                operatorConfiguration = OperatorConfigurationFile.read(name,
                        FileSystemTree.readFile(ctx.cwd().resolve(o.operatorConfig), name, YamlLimits.DEFAULT));
            } catch (IOException e) {
                throw new InputException(SourceLocation.start(name), "cannot read operator configuration file: " + FileErrors.reason(e));
            }
        }
        return new CompileRequest(sources, policies, o.env, o.categorySet(), o.operatorVersion, crds, operatorConfiguration, today(ctx),
                provenance ? commitOf(ctx, o, sources) : sources.commit().orElse(null));
    }

    /**
     * Says, on standard error, that --operator-version was given to a run that judges nothing outside
     * environments: an environment is judged by the version its cluster runs, the one its
     * environment.yaml names, so the option changed nothing.
     */
    static void noteOperatorVersionUnused(CliContext ctx, CommonOptions o) {
        if (o.operatorVersion != null) {
            note(ctx, "--operator-version " + o.operatorVersion + " is for resources outside environments/;"
                    + " each environment is judged by the operator version its environment.yaml names (spec.operator.version)");
        }
        if (o.operatorConfig != null) {
            note(ctx, "--operator-config " + o.operatorConfig + " is for resources outside environments/; each environment is"
                    + " judged with the operator configuration its environment.yaml names (spec.operator.defaultConfiguration)");
        }
    }

    /** One line on standard error that does not change the run's result, such as an option that did nothing. */
    static void note(CliContext ctx, String text) {
        ctx.err().println("flinkops: note: " + text);
        ctx.err().flush();
    }

    /** The content-hash cache under the repository's build/cache/, unless --no-cache. */
    static io.flinkops.compiler.cache.ResultCache cache(CliContext ctx, CommonOptions o) {
        return o.noCache ? null : new io.flinkops.compiler.cache.ResultCache(repoRoot(ctx, o).resolve(io.flinkops.compiler.cache.ResultCache.FOLDER));
    }

    static List<EmittedObject> objects(CompileResult result) {
        List<EmittedObject> out = new ArrayList<>();
        for (EnvironmentResult r : result.environments()) {
            out.addAll(r.judged());
        }
        return out;
    }

    static List<PolicyException> exceptionsUsed(CompileResult result) {
        List<PolicyException> out = new ArrayList<>();
        result.environments().forEach(e -> out.addAll(e.usedExceptions()));
        return out;
    }

    static RunReport report(Compiler compiler, CompileResult result, List<EmittedObject> objects) {
        return report(compiler, result, objects, null);
    }

    /** With a review (pull-request mode), findings are marked new or existing. */
    static RunReport report(Compiler compiler, CompileResult result, List<EmittedObject> objects, io.flinkops.compiler.pipeline.Review review) {
        return new RunReport("flinkops", Version.get(), result.diagnostics(), objects,
                compiler.catalog().infos(), exceptionsUsed(result), review);
    }

    /** Writes the report in every requested format; text to stdout when nothing was requested. */
    static void emitReports(CliContext ctx, CommonOptions o, RunReport report) {
        List<CommonOptions.ReportTarget> targets = o.reports;
        if (targets.isEmpty()) {
            targets = List.of(new CommonOptions.ReportTarget("text", null));
        }
        for (CommonOptions.ReportTarget target : targets) {
            if (target.output() != null) {
                Path file = ctx.cwd().resolve(target.output());
                refuseInsideInputs(repoRoot(ctx, o), file, "--output", "write the report elsewhere");
                if (Files.isDirectory(file)) {
                    throw new InputException("--output " + file.normalize() + " is a folder; name the report's file");
                }
            }
        }
        for (CommonOptions.ReportTarget target : targets) {
            ReportFormat format;
            try {
                format = ReportFormat.parse(target.format());
            } catch (IllegalArgumentException e) {
                throw new InputException(e.getMessage() + " (use one of " + String.join(", ",
                        java.util.Arrays.stream(ReportFormat.values()).map(ReportFormat::label).toList()) + ")");
            }
            boolean toFile = target.output() != null;
            boolean colour = !toFile && ctx.terminal() && !ctx.env().containsKey("NO_COLOR");
            try {
                if (toFile) {
                    StringWriter sw = new StringWriter();
                    format.writer(false).write(report, sw);
                    writeWhole(ctx.cwd().resolve(target.output()).toAbsolutePath().normalize(), sw.toString());
                } else {
                    Writer w = ctx.out();
                    format.writer(colour).write(report, w);
                    ctx.out().flush();
                }
            } catch (IOException e) {
                throw new InputException("cannot write report " + target.output() + ": " + FileErrors.reason(e));
            }
        }
    }

    /**
     * A report file is the old one or the new one, never half of one: written beside it, then moved over it.
     * What is not a file of its own is written to as it is, never replaced: a device, a pipe or a terminal
     * ({@code --output /dev/stdout}, {@code /dev/null}, a shell's {@code >(...)}), where a move would put a
     * regular file in place of the device node (as root, in a CI container) or write past the reader. A
     * symbolic link keeps pointing at the report: the file it names is the one replaced.
     */
    static void writeWhole(Path given, String text) throws IOException {
        if (isSpecial(given)) {
            try (var out = Files.newOutputStream(given, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
            return;
        }
        Path file = given;
        for (int hops = 0; Files.isSymbolicLink(file); hops++) {
            if (hops == 40) {
                throw new IOException(given + ": too many levels of symbolic links");
            }
            file = file.toAbsolutePath().getParent().resolve(Files.readSymbolicLink(file)).normalize();
        }
        Path folder = file.getParent();
        Files.createDirectories(folder);
        // not Files.createTempFile, whose file only its owner may read: a report is as readable as any file written here
        Path temporary = folder.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.deleteIfExists(temporary); // left by a killed run whose process id this one has
            Files.writeString(temporary, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /** A device, a pipe, a socket, or a path into /dev or /proc (where /dev/stdout and /dev/fd/N lead). */
    private static boolean isSpecial(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.startsWith("/dev") || absolute.startsWith("/proc")) {
            return true;
        }
        return Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file);
    }

    /**
     * Output written among the inputs would be read back as specs, overlays or policies by the next
     * run, or overwrite one of them (a file flinkops did not write): refused, before anything is written.
     */
    static void refuseInsideInputs(Path root, Path target, String option, String hint) {
        Path real = realPathOfNearestExisting(target);
        Path realRoot = realPathOfNearestExisting(root);
        for (String input : List.of(RepositoryLoader.ENVIRONMENTS, OverlayLoader.OVERLAYS, PolicyLoader.POLICIES)) {
            if (real.startsWith(realRoot.resolve(input))) {
                throw new InputException(option + " " + target.normalize() + " lies inside " + input
                        + "/, which flinkops reads as input; " + hint);
            }
        }
    }

    private static Path realPathOfNearestExisting(Path p) {
        Path existing = p.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p.toAbsolutePath())).normalize();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    static int exitCode(CompileResult result) {
        if (result.hasUnreadableInput()) {
            return ExitCode.USAGE;
        }
        return result.hasErrors() ? ExitCode.FINDINGS : ExitCode.OK;
    }
}
