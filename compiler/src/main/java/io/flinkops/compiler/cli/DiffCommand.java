package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.pipeline.PullRequestReview;
import io.flinkops.compiler.report.RunReport;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.source.git.GitTree;
import java.nio.file.Path;

final class DiffCommand extends Subcommand {

    DiffCommand(FlinkopsCli parent) {
        super(parent, "diff",
                "Pull-request mode: compile the base revision and the head (default: the working tree), both judged by "
                        + "the base's policies; report what changes per environment and object, and which findings are new.");
        CommonOptions.addTo(spec);
        spec.addOption(Specs.option("--base", "REV", String.class, "The base revision (the merge base of the pull request).")
                .required(true).build());
        spec.addOption(Specs.option("--head", "REV", String.class, "The head revision (default: the working tree).").build());
        spec.addOption(Specs.option("--fail-on", "WHICH", String.class,
                "Fail on 'any' error (default) or only on 'new' errors, to adopt flinkops on a repository with findings.")
                .defaultValue("any").build());
    }

    @Override
    public Integer call() {
        CommonOptions options = new CommonOptions(spec);
        String base = Specs.value(spec, "--base");
        String head = Specs.value(spec, "--head");
        String failOn = Specs.value(spec, "--fail-on");
        CliContext ctx = parent.context();
        if (!failOn.equals("any") && !failOn.equals("new")) {
            throw new InputException("--fail-on takes 'any' or 'new', not '" + failOn + "'");
        }
        if (options.ref != null || options.policiesFrom != null) {
            throw new InputException("diff takes --base and --head; --ref and --policies-from do not apply");
        }
        Path root = Runs.repoRoot(ctx, options);
        Compiler compiler = parent.compiler();
        Runs.noteOperatorVersionUnused(ctx, options);
        try (GitTree baseTree = GitTree.open(root, base)) {
            SourceTree headTree = head != null ? GitTree.open(root, head) : new FileSystemTree(root);
            var outcome = new PullRequestReview(compiler).review(Runs.request(ctx, options, headTree), baseTree, headTree,
                    baseTree.describe(), head != null ? headTree.describe() : "the working tree");
            RunReport report = Runs.report(compiler, outcome.head(), Runs.objects(outcome.head()), outcome.review());
            Runs.emitReports(ctx, options, report);
            if (headTree instanceof GitTree g) {
                g.close();
            }
            if (outcome.head().hasUnreadableInput()) {
                return ExitCode.USAGE;
            }
            boolean failing = failOn.equals("new")
                    ? report.newFindings().stream().anyMatch(d -> d.severity() == Severity.ERROR)
                    : outcome.head().hasErrors();
            return failing ? ExitCode.FINDINGS : ExitCode.OK;
        }
    }
}
