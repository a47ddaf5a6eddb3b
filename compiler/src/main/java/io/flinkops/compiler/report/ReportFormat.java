package io.flinkops.compiler.report;

import java.util.Locale;

/** The closed set of output formats; the CLI takes its choices from here. */
public enum ReportFormat {
    TEXT,
    JSON,
    SARIF,
    JUNIT,
    GITHUB,
    MARKDOWN,
    HTML;

    public ReportWriter writer(boolean colour) {
        return switch (this) {
            case TEXT -> new TextReport(colour);
            case JSON -> new JsonReport();
            case SARIF -> new SarifReport();
            case JUNIT -> new JunitReport();
            case GITHUB -> new GithubReport();
            case MARKDOWN -> new MarkdownReport();
            case HTML -> new HtmlReport();
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ReportFormat parse(String text) {
        for (ReportFormat f : values()) {
            if (f.label().equals(text.toLowerCase(Locale.ROOT))) {
                return f;
            }
        }
        throw new IllegalArgumentException("unknown format '" + text + "'");
    }
}
