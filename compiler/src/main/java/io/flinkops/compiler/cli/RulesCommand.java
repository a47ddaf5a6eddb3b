package io.flinkops.compiler.cli;

import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.report.RuleDocs;
import java.util.Locale;

final class RulesCommand extends Subcommand {

    RulesCommand(FlinkopsCli parent) {
        super(parent, "rules", "List every rule: id, category, default severity, summary.");
        spec.addOption(Specs.option("--format", "FORMAT", String.class, "text or markdown (the docs/rules/index.md page).")
                .defaultValue("text").build());
        spec.addOption(Specs.option("--output-dir", "DIR", java.nio.file.Path.class,
                "With --format markdown: write index.md and one page per rule into DIR (docs/rules).").build());
    }

    @Override
    public Integer call() throws java.io.IOException {
        String format = Specs.value(spec, "--format");
        java.nio.file.Path outputDir = Specs.value(spec, "--output-dir");
        CliContext ctx = parent.context();
        var catalog = new Compiler().catalog();
        var infos = catalog.infos();
        if (format.equalsIgnoreCase("markdown") && outputDir != null) {
            java.nio.file.Path dir = ctx.cwd().resolve(outputDir);
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.writeString(dir.resolve("index.md"), RuleDocs.index(infos));
            for (RuleInfo r : infos) {
                java.nio.file.Files.writeString(dir.resolve(r.id() + ".md"), RuleDocs.page(r, catalog.configurable(r.id())));
            }
            ctx.err().println("flinkops: wrote " + (infos.size() + 1) + " pages to " + dir);
        } else if (format.equalsIgnoreCase("markdown")) {
            ctx.out().print(RuleDocs.index(infos));
        } else if (format.equalsIgnoreCase("text")) {
            for (RuleInfo r : infos) {
                ctx.out().printf(Locale.ROOT, "%-48s %-9s %-8s %s%n", r.id(), r.category().label(), r.severity().label(), r.summary());
            }
        } else {
            ctx.err().println("flinkops: unknown format '" + format + "' (use text or markdown)");
            ctx.err().flush();
            return ExitCode.USAGE;
        }
        ctx.out().flush();
        return ExitCode.OK;
    }
}
