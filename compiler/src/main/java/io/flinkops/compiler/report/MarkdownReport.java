package io.flinkops.compiler.report;

import io.flinkops.compiler.diagnostic.OneLine;
import java.io.IOException;
import java.io.Writer;

/** The pull-request summary in Markdown, rendered with FreeMarker: changes per environment, new findings first. */
public final class MarkdownReport implements ReportWriter {
    private static final SummaryModel.Escaping MARKDOWN = new SummaryModel.Escaping(
            MarkdownReport::cell, MarkdownReport::code, diff -> diff.replace("```", "` ` `"));

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        SummaryModel.render("summary.md.ftl", report, MARKDOWN, out);
    }

    /** Text safe inside a code span in a table cell: a pipe would end the cell, a backtick the span (a location has no line break). */
    static String code(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }

    /** Text safe inside a Markdown table cell. */
    static String cell(String s) {
        return OneLine.of(s).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;");
    }
}
