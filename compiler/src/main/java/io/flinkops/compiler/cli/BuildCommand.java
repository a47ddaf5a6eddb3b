package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.emit.AtomicOutput;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.source.SourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = "Compile environments/ into kustomize-ready manifests under build/manifests/<env>/, after every check.")
final class BuildCommand implements Callable<Integer> {
    @ParentCommand
    FlinkopsCli parent;

    @Mixin
    CommonOptions options;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: build/manifests under the repository).")
    Path out;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        Compiler compiler = parent.compiler();
        Path root = Runs.repoRoot(ctx, options);
        Path outDir = (out != null ? ctx.cwd().resolve(out) : root.resolve("build/manifests")).normalize();
        refuseInsideInputs(root, outDir);
        SourceTree sources = Runs.sources(ctx, options);
        CompileResult result = compiler.compile(Runs.request(ctx, options, sources, true), Runs.cache(ctx, options));
        Runs.emitReports(ctx, options, Runs.report(compiler, result, Runs.objects(result)));
        int code = Runs.exitCode(result);
        if (code != ExitCode.OK) {
            ctx.err().println("flinkops: not writing output: the build has errors");
            ctx.err().flush();
            return code;
        }
        AtomicOutput.write(outDir, result.outputs());
        ctx.err().println("flinkops: wrote " + result.environments().size() + " environment(s) to " + outDir);
        ctx.err().flush();
        return ExitCode.OK;
    }

    /** Output written among the inputs would be read back as specs, overlays or policies by the next run. */
    private static void refuseInsideInputs(Path root, Path outDir) {
        Path real = realPathOfNearestExisting(outDir);
        Path realRoot = realPathOfNearestExisting(root);
        for (String input : List.of(RepositoryLoader.ENVIRONMENTS, OverlayLoader.OVERLAYS, PolicyLoader.POLICIES)) {
            if (real.startsWith(realRoot.resolve(input))) {
                throw new InputException("--out " + outDir + " lies inside " + input + "/, which flinkops reads as input; "
                        + "write the manifests elsewhere (default: build/manifests)");
            }
        }
    }

    private static Path realPathOfNearestExisting(Path p) {
        Path existing = p.toAbsolutePath();
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(p.toAbsolutePath()));
        } catch (IOException e) {
            return p.toAbsolutePath();
        }
    }
}
