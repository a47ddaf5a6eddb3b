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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "diff", mixinStandardHelpOptions = true,
        description = {"Pull-request mode: compile the base revision and the head (default: the working tree), both judged by",
            "the base's policies; report what changes per environment and object, and which findings are new."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    FlinkopsCli parent;

    @Mixin
    CommonOptions options;

    @Option(names = "--base", required = true, paramLabel = "REV", description = "The base revision (the merge base of the pull request).")
    String base;

    @Option(names = "--head", paramLabel = "REV", description = "The head revision (default: the working tree).")
    String head;

    @Option(names = "--fail-on", paramLabel = "WHICH", defaultValue = "any",
            description = "Fail on 'any' error (default) or only on 'new' errors, to adopt flinkops on a repository with findings.")
    String failOn;

    @Override
    public Integer call() {
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
