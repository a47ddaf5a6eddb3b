package io.flinkops.compiler.report;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import io.flinkops.compiler.diagnostic.Diagnostic;
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
import java.util.function.UnaryOperator;

/**
 * What the human-facing reports (Markdown summary, HTML page) show, gathered once and rendered with
 * FreeMarker. Each format escapes text its own way: Markdown in Java, before the template; HTML in
 * the template, by FreeMarker's auto-escaping.
 */
final class SummaryModel {
    private static final Configuration FREEMARKER = configuration();

    private SummaryModel() {}

    /** How a format makes text safe: plain text, a location or id in a code span, text inside an HTML element, a diff. */
    record Escaping(UnaryOperator<String> text, UnaryOperator<String> code, UnaryOperator<String> html, UnaryOperator<String> diff) {
        static final Escaping NONE = new Escaping(s -> s, s -> s, s -> s, s -> s);
    }

    private static Configuration configuration() {
        Configuration c = new Configuration(Configuration.VERSION_2_3_33);
        c.setClassForTemplateLoading(SummaryModel.class, "/io/flinkops/compiler/report");
        c.setDefaultEncoding("UTF-8");
        c.setLocale(Locale.ROOT);
        c.setTimeZone(TimeZone.getTimeZone("UTC"));
        c.setNumberFormat("computer");
        c.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        c.setLogTemplateExceptions(false);
        return c; // *.ftlh templates escape HTML on their own (standard file extensions)
    }

    static void render(String template, RunReport report, Escaping e, Writer out) throws IOException {
        try {
            Template t = FREEMARKER.getTemplate(template);
            t.process(of(report, e), out);
        } catch (TemplateException ex) {
            throw new IOException("rendering " + template + " failed: " + ex.getMessage(), ex);
        }
    }

    static Map<String, Object> of(RunReport report, Escaping e) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("errors", count(report.diagnostics(), Severity.ERROR));
        model.put("warnings", count(report.diagnostics(), Severity.WARNING));
        model.put("infos", count(report.diagnostics(), Severity.INFO));
        model.put("objects", report.objects().size());
        model.put("pullRequest", report.pullRequest());
        model.put("newErrors", report.pullRequest() ? count(report.newFindings(), Severity.ERROR) : 0);
        List<Diagnostic> ordered = new ArrayList<>(report.pullRequest() ? report.newFindings() : report.diagnostics());
        if (report.pullRequest()) {
            ordered.addAll(report.existingFindings());
        }
        List<Map<String, Object>> findings = new ArrayList<>();
        for (Diagnostic d : ordered) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("severity", d.severity().label());
            f.put("status", !report.pullRequest() ? "" : report.existing(d) ? "existing" : "new");
            f.put("where", e.code().apply(d.location().toString()));
            f.put("rule", d.rule());
            f.put("message", e.text().apply(d.message()));
            f.put("fix", e.text().apply(d.remediation()));
            findings.add(f);
        }
        model.put("findings", findings);
        model.put("exceptions", report.exceptionsUsed().stream().map(x -> e.text().apply(x.describe())).toList());
        if (report.pullRequest()) {
            var review = report.review();
            model.put("base", review.base());
            model.put("head", review.head());
            model.put("policyFiles", review.policyFilesChanged());
            model.put("relaxed", review.relaxed().stream().map(d -> e.text().apply(d.oneLine())).toList());
            model.put("unloadable", review.basePoliciesUnloadable().stream().map(d -> e.text().apply(d.oneLine())).toList());
            Map<String, List<ObjectChange>> byEnv = new TreeMap<>();
            review.changes().forEach(c -> byEnv.computeIfAbsent(c.environment(), k -> new ArrayList<>()).add(c));
            List<Map<String, Object>> envs = new ArrayList<>();
            byEnv.forEach((name, changes) -> {
                Map<String, Object> env = new LinkedHashMap<>();
                env.put("name", name);
                env.put("added", changes.stream().filter(c -> c.kind() == ObjectChange.Kind.ADDED).count());
                env.put("changed", changes.stream().filter(c -> c.kind() == ObjectChange.Kind.CHANGED).count());
                env.put("removed", changes.stream().filter(c -> c.kind() == ObjectChange.Kind.REMOVED).count());
                env.put("changes", changes.stream().map(c -> Map.of("kind", c.kind().name().toLowerCase(Locale.ROOT),
                        "id", e.code().apply(c.id()), "idHtml", e.html().apply(c.id()),
                        "diff", c.kind() == ObjectChange.Kind.CHANGED ? e.diff().apply(c.diff().stripTrailing()) : "")).toList());
                envs.add(env);
            });
            model.put("environments", envs);
        }
        return model;
    }

    private static long count(List<Diagnostic> ds, Severity s) {
        return ds.stream().filter(d -> d.severity() == s).count();
    }
}
