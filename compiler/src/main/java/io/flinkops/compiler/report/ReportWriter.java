package io.flinkops.compiler.report;

import java.io.IOException;
import java.io.Writer;

/** Renders a run in one output format. */
public interface ReportWriter {
    void write(RunReport report, Writer out) throws IOException;
}
