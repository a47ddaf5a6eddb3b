package io.flinkops.compiler.report;

import freemarker.template.utility.StringUtil;
import io.flinkops.compiler.diagnostic.OneLine;
import java.io.IOException;
import java.io.Writer;

/** The pull-request summary in Markdown, rendered with FreeMarker: changes per environment, new findings first. */
public final class MarkdownReport implements ReportWriter {
    private static final SummaryModel.Escaping MARKDOWN = new SummaryModel.Escaping(
            MarkdownReport::cell, MarkdownReport::code, MarkdownReport::html, diff -> diff.replace("```", "` ` `"));

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        SummaryModel.render("summary.md.ftl", report, MARKDOWN, out);
    }

    /** Text safe inside a code span in a table cell: a pipe would end the cell, a backtick the span (a location has no line break). */
    static String code(String s) {
        return s.replace("|", "\\|").replace("`", "'");
    }

    /**
     * Text that may quote what a pull request wrote, as a code span: inside one, Markdown draws no link or
     * image, runs no HTML, and GitHub makes no @mention or #reference of it (a value could otherwise
     * ping a team or load an image from the bot's comment). The span's backtick fence is longer than
     * any run of backticks in the text, as CommonMark asks; a pipe is escaped for the table.
     */
    static String cell(String s) {
        String text = OneLine.of(s).replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (int i = 0; i < text.length(); i++) {
            run = text.charAt(i) == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        boolean pad = text.startsWith("`") || text.endsWith("`") || text.isBlank();
        return fence + (pad ? " " : "") + text + (pad ? " " : "") + fence;
    }

    /** Text inside an HTML element of the summary (a {@code <summary>} line): escaped as HTML, by FreeMarker. */
    static String html(String s) {
        return StringUtil.XHTMLEnc(OneLine.of(s));
    }
}
