package io.flinkops.compiler.cli;

import io.flinkops.compiler.emit.AtomicOutput;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.source.SourceTree;
import java.nio.file.Path;

final class BuildCommand extends Subcommand {

    BuildCommand(FlinkopsCli parent) {
        super(parent, "build",
                "Compile environments/ into kustomize-ready manifests under build/manifests/<env>/, after every check.");
        CommonOptions.addTo(spec);
        spec.addOption(Specs.option("--out", "DIR", Path.class, "Output folder (default: build/manifests under the repository).").build());
    }

    @Override
    public Integer call() {
        CommonOptions options = new CommonOptions(spec);
        Path out = Specs.value(spec, "--out");
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
