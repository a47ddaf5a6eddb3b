package io.flinkops.compiler.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.OneLine;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.pipeline.ObjectChange;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.TreeMap;

/** The pull-request summary in Markdown, rendered with FreeMarker: changes per environment, new findings first. */
public final class MarkdownReport implements ReportWriter {
    private static final Configuration FREEMARKER = configuration();

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_33);
        c.setClassForTemplateLoading(MarkdownReport.class, "/io/flinkops/compiler/report");
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        return c;
    }

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("errors", report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count());
        model.put("pullRequest", report.pullRequest());
        model.put("newErrors", report.pullRequest() ? report.newFindings().stream().filter(d -> d.severity() == Severity.ERROR).count() : 0);
        List<Map<String, Object>> findings = new ArrayList<>();
        List<Diagnostic> ordered = new ArrayList<>(report.pullRequest() ? report.newFindings() : report.diagnostics());
        if (report.pullRequest()) {
            ordered.addAll(report.existingFindings());
        }
        for (Diagnostic d : ordered) {
            Map<String, Object> f = new LinkedHashMap<>();
            String badge = switch (d.severity()) {
                case ERROR -> "error";
                case WARNING -> "warning";
                case INFO -> "info";
            };
            if (report.pullRequest()) {
                badge += report.existing(d) ? " (existing)" : " **(new)**";
            }
            f.put("badge", badge);
            f.put("where", code(d.location().toString()));
            f.put("rule", d.rule());
            f.put("message", cell(d.message()));
            findings.add(f);
        }
        model.put("findings", findings);
        model.put("exceptions", report.exceptionsUsed().stream().map(e -> cell(e.describe())).toList());
        if (report.pullRequest()) {
            var review = report.review();
            model.put("base", review.base());
            model.put("head", review.head());
            model.put("policyFiles", review.policyFilesChanged());
            model.put("relaxed", review.relaxed().stream().map(d -> cell(d.oneLine())).toList());
            Map<String, List<ObjectChange>> byEnv = new TreeMap<>();
            review.changes().forEach(c -> byEnv.computeIfAbsent(c.environment(), k -> new ArrayList<>()).add(c));
            List<Map<String, Object>> envs = new ArrayList<>();
            byEnv.forEach((name, changes) -> {
                Map<String, Object> env = new LinkedHashMap<>();
                env.put("name", name);
                env.put("added", changes.stream().filter(c -> c.kind() == ObjectChange.Kind.ADDED).count());
                env.put("changed", changes.stream().filter(c -> c.kind() == ObjectChange.Kind.CHANGED).count());
                env.put("removed", changes.stream().filter(c -> c.kind() == ObjectChange.Kind.REMOVED).count());
                env.put("changes", changes.stream().map(c -> Map.of("kind", c.kind().name().toLowerCase(Locale.ROOT), "id", c.id(),
                        "diff", c.kind() == ObjectChange.Kind.CHANGED ? c.diff().stripTrailing().replace("```", "` ` `") : "")).toList());
                envs.add(env);
            });
            model.put("environments", envs);
        }
        try {
            Template t = FREEMARKER.getTemplate("summary.md.ftl");
            t.process(model, out);
        } catch (TemplateException e) {
            throw new IOException("rendering the Markdown summary failed: " + e.getMessage(), e);
        }
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
