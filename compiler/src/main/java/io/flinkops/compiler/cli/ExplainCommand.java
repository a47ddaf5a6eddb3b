package io.flinkops.compiler.cli;

import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.report.RuleDocs;

final class ExplainCommand extends Subcommand {

    ExplainCommand(FlinkopsCli parent) {
        super(parent, "explain", "Explain one rule: why it exists, how to fix it, its parameters.");
        spec.addPositional(Specs.parameter("RULE", "1", String.class, "A rule id (or a former id).").build());
    }

    @Override
    public Integer call() {
        String id = Specs.value(spec.positionalParameters().get(0));
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
