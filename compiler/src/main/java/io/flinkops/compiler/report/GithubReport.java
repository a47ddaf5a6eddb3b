package io.flinkops.compiler.report;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.OneLine;
import java.io.IOException;
import java.io.Writer;

/**
 * GitHub Actions workflow commands: one annotation per finding on the line it names. The file is
 * given as it is (GitHub finds it by that name); the message shows what cannot be seen escaped, as
 * the text report does ({@link OneLine}).
 */
public final class GithubReport implements ReportWriter {
    @Override
    public void write(RunReport report, Writer out) throws IOException {
        for (Diagnostic d : report.diagnostics()) {
            String command = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "notice";
            };
            out.write("::" + command + " file=" + property(d.location().file()) + ",line=" + d.location().line()
                    + ",col=" + d.location().column() + ",title=" + property(d.rule()) + "::"
                    + data(OneLine.of(d.message() + (d.remediation().isEmpty() ? "" : " Fix: " + d.remediation()))) + "\n");
        }
    }

    /** Escaping for workflow command messages. */
    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escaping for workflow command properties. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
