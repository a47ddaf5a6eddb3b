package io.flinkops.compiler.report;

import java.io.IOException;
import java.io.Writer;

/** A self-contained HTML page of the run (a CI artifact to open in a browser): summary, changes, findings. */
public final class HtmlReport implements ReportWriter {
    @Override
    public void write(RunReport report, Writer out) throws IOException {
        SummaryModel.render("report.html.ftlh", report, SummaryModel.Escaping.NONE, out);
    }
}
