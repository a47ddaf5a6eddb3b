package io.flinkops.compiler.report;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.OneLine;
import io.flinkops.compiler.diagnostic.Severity;
import java.io.IOException;
import java.io.Writer;

/** One line per finding ({@code file:line:col: severity: message [rule]}), its fix, and a summary. */
public final class TextReport implements ReportWriter {
    private final boolean colour;

    public TextReport(boolean colour) {
        this.colour = colour;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        if (report.pullRequest()) {
            var review = report.review();
            out.write("Changes from " + review.base() + " to " + review.head() + ":\n");
            if (review.changes().isEmpty()) {
                out.write("  (no object changes)\n");
            }
            for (var c : review.changes()) {
                out.write("  " + c.kind().name().toLowerCase(java.util.Locale.ROOT) + " " + c.environment() + " " + c.id() + "\n");
            }
            for (var c : review.changes()) {
                if (c.kind() == io.flinkops.compiler.pipeline.ObjectChange.Kind.CHANGED) {
                    out.write(c.diff());
                }
            }
            if (review.judgedByHeadPolicies()) {
                out.write("This change edits " + String.join(", ", review.policyFilesChanged())
                        + "; the base revision's policies do not load, so both sides are judged by this change's policies:\n");
                for (Diagnostic d : review.basePoliciesUnloadable()) {
                    out.write("  on the base: " + d.oneLine() + "\n");
                }
            } else if (!review.policyFilesChanged().isEmpty()) {
                out.write("This change edits " + String.join(", ", review.policyFilesChanged())
                        + "; it is judged by the base revision's policies.\n");
                for (Diagnostic d : review.relaxed()) {
                    out.write("  the edit would relax: " + d.oneLine() + "\n");
                }
            }
            out.write("\n");
        }
        for (Diagnostic d : report.diagnostics()) {
            String sev = d.severity().label();
            if (colour) {
                String code = d.severity() == Severity.ERROR ? "31" : d.severity() == Severity.WARNING ? "33" : "36";
                sev = "\u001b[1;" + code + "m" + sev + "\u001b[0m";
            }
            String marker = report.pullRequest() ? (report.existing(d) ? " (existing)" : " (new)") : "";
            // messages quote what the user wrote: a line break in it must not start a line of its own
            out.write(d.location() + ": " + sev + ": " + OneLine.of(d.message()) + " [" + d.rule() + "]" + marker + "\n");
            if (!d.remediation().isEmpty()) {
                out.write("    fix: " + OneLine.of(d.remediation()) + "\n");
            }
        }
        long errors = report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count();
        long warnings = report.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count();
        long infos = report.diagnostics().stream().filter(d -> d.severity() == Severity.INFO).count();
        out.write(String.format(java.util.Locale.ROOT, "%d error%s, %d warning%s, %d info; %d object%s checked%n",
                errors, errors == 1 ? "" : "s", warnings, warnings == 1 ? "" : "s", infos,
                report.objects().size(), report.objects().size() == 1 ? "" : "s"));
    }
}
