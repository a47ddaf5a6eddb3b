package io.flinkops.compiler.cli;

import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.report.RuleDocs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "explain", mixinStandardHelpOptions = true, description = "Explain one rule: why it exists, how to fix it, its parameters.")
final class ExplainCommand implements Callable<Integer> {
    @ParentCommand
    FlinkopsCli parent;

    @Parameters(paramLabel = "RULE", description = "A rule id (or a former id).")
    String id;

    @Override
    public Integer call() {
        CliContext ctx = parent.context();
        var catalog = new Compiler().catalog();
        var info = catalog.find(id);
        if (info.isEmpty()) {
            ctx.err().println("flinkops: no rule '" + id + "' (`flinkops rules` lists them)");
            ctx.err().flush();
            return ExitCode.USAGE;
        }
        ctx.out().print(RuleDocs.page(info.get(), catalog.configurable(info.get().id())));
        ctx.out().flush();
        return ExitCode.OK;
    }
}
