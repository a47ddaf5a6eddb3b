package io.flinkops.compiler.cli;

import io.flinkops.compiler.emit.AtomicOutput;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.source.SourceTree;
import java.nio.file.Path;
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
        Runs.refuseInsideInputs(root, outDir, "--out", "write the manifests elsewhere (default: build/manifests)");
        SourceTree sources = Runs.sources(ctx, options);
        CompileResult result = compiler.compile(Runs.request(ctx, options, sources, true), Runs.cache(ctx, options));
        Runs.requireEnvironments(sources, result);
        Runs.noteOperatorVersionUnused(ctx, options);
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
}
