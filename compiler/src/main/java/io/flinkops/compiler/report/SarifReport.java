package io.flinkops.compiler.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import java.io.IOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.Map;

/** SARIF 2.1.0, as GitHub code scanning reads it: rules with help, results with regions and baseline state. */
public final class SarifReport implements ReportWriter {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public void write(RunReport report, Writer out) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.tool());
        driver.put("version", report.version());
        driver.put("informationUri", "https://github.com/flinkops/flinkops");
        ArrayNode rules = driver.putArray("rules");
        Map<String, Integer> index = new HashMap<>();
        for (RuleInfo r : report.rules()) {
            index.put(r.id(), rules.size());
            ObjectNode rule = rules.addObject();
            rule.put("id", r.id());
            rule.put("name", camel(r.id()));
            rule.putObject("shortDescription").put("text", r.summary());
            rule.putObject("fullDescription").put("text", r.rationale());
            rule.putObject("help").put("text", r.remediation()).put("markdown", "**Fix:** " + r.remediation() + "\n\n" + r.rationale());
            rule.putObject("defaultConfiguration").put("level", level(r.severity()));
            rule.putObject("properties").putArray("tags").add(r.category().label());
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode result = results.addObject();
            result.put("ruleId", d.rule());
            if (index.containsKey(d.rule())) {
                result.put("ruleIndex", index.get(d.rule()));
            }
            result.put("level", level(d.severity()));
            result.putObject("message").put("text", d.message() + (d.remediation().isEmpty() ? "" : " Fix: " + d.remediation()));
            ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", d.location().file()).put("uriBaseId", "%SRCROOT%");
            physical.putObject("region").put("startLine", d.location().line()).put("startColumn", d.location().column());
            if (report.pullRequest()) {
                result.put("baselineState", report.existing(d) ? "unchanged" : "new");
            }
            result.putObject("partialFingerprints").put("flinkopsFinding/v1",
                    Integer.toHexString((d.rule() + "|" + d.location().file() + "|" + d.pointer() + "|" + d.message()).hashCode()));
        }
        out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root));
        out.write("\n");
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    private static String camel(String id) {
        StringBuilder sb = new StringBuilder();
        for (String part : id.split("-")) {
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }
}
