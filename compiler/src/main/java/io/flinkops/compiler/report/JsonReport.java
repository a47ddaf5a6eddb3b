package io.flinkops.compiler.report;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import java.io.IOException;
import java.io.Writer;

/** The JSON contract of DESIGN.md: {@code {"diagnostics": [...], "summary": {...}}}. */
public final class JsonReport implements ReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode list = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode n = list.addObject();
            n.put("rule", d.rule());
            n.put("category", d.category().label());
            n.put("severity", d.severity().label());
            n.put("file", d.location().file());
            n.put("line", d.location().line());
            n.put("column", d.location().column());
            n.put("pointer", d.pointer());
            n.put("message", d.message());
            n.put("remediation", d.remediation());
            if (report.pullRequest()) {
                n.put("baselineState", report.existing(d) ? "existing" : "new");
            }
        }
        if (report.pullRequest()) {
            ObjectNode review = root.putObject("review");
            review.put("base", report.review().base());
            review.put("head", report.review().head());
            ArrayNode changes = review.putArray("changes");
            report.review().changes().forEach(c -> changes.addObject().put("environment", c.environment()).put("object", c.id())
                    .put("change", c.kind().name().toLowerCase(java.util.Locale.ROOT)).put("diff", c.diff()));
            ArrayNode policies = review.putArray("policyFilesChanged");
            report.review().policyFilesChanged().forEach(policies::add);
            ArrayNode relaxed = review.putArray("relaxedFindings");
            report.review().relaxed().forEach(d -> relaxed.add(d.oneLine()));
            review.put("policiesFrom", report.review().judgedByHeadPolicies() ? "head" : "base");
            ArrayNode unloadable = review.putArray("basePoliciesUnloadable");
            report.review().basePoliciesUnloadable().forEach(d -> unloadable.add(d.oneLine()));
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("errors", report.diagnostics().stream().filter(d -> d.severity() == Severity.ERROR).count());
        summary.put("warnings", report.diagnostics().stream().filter(d -> d.severity() == Severity.WARNING).count());
        summary.put("infos", report.diagnostics().stream().filter(d -> d.severity() == Severity.INFO).count());
        summary.put("objects", report.objects().size());
        if (report.pullRequest()) {
            summary.put("newErrors", report.newFindings().stream().filter(d -> d.severity() == Severity.ERROR).count());
        }
        ArrayNode used = summary.putArray("exceptionsUsed");
        report.exceptionsUsed().forEach(e -> used.add(e.describe()));
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        out.write(MAPPER.writer(pretty).writeValueAsString(root));
        out.write("\n");
    }
}
