package io.flinkops.compiler.report;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JUnit XML: one test case per checked object; its errors are failures with their location. */
public final class JunitReport implements ReportWriter {
    @Override
    public void write(RunReport report, Writer out) throws IOException {
        Map<String, List<Diagnostic>> byObject = new LinkedHashMap<>();
        for (EmittedObject o : report.objects()) {
            byObject.putIfAbsent(key(o.environment(), o.id()), new ArrayList<>());
        }
        List<Diagnostic> unattached = new ArrayList<>();
        for (Diagnostic d : report.diagnostics()) {
            String id = d.message().contains(": ") ? d.message().substring(0, d.message().indexOf(": ")) : "";
            String match = null;
            for (EmittedObject o : report.objects()) {
                if (o.id().equals(id) && o.origin().file().equals(d.location().file())) {
                    match = key(o.environment(), o.id());
                    break;
                }
            }
            if (match == null) {
                for (EmittedObject o : report.objects()) {
                    if (o.id().equals(id)) {
                        match = key(o.environment(), o.id());
                        break;
                    }
                }
            }
            if (match != null) {
                byObject.get(match).add(d);
            } else {
                unattached.add(d);
            }
        }
        if (!unattached.isEmpty()) {
            byObject.put(key("", "inputs"), unattached);
        }
        long failures = byObject.values().stream().filter(l -> l.stream().anyMatch(d -> d.severity() == Severity.ERROR)).count();
        out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        out.write("<testsuites name=\"flinkops\" tests=\"" + byObject.size() + "\" failures=\"" + failures + "\">\n");
        out.write("  <testsuite name=\"flinkops\" tests=\"" + byObject.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"0\">\n");
        for (var e : byObject.entrySet()) {
            String[] parts = e.getKey().split("\u0000", 2);
            out.write("    <testcase classname=\"" + xml(parts[0].isEmpty() ? "flinkops" : parts[0]) + "\" name=\"" + xml(parts[1]) + "\"");
            List<Diagnostic> errors = e.getValue().stream().filter(d -> d.severity() == Severity.ERROR).toList();
            List<Diagnostic> others = e.getValue().stream().filter(d -> d.severity() != Severity.ERROR).toList();
            if (errors.isEmpty() && others.isEmpty()) {
                out.write("/>\n");
                continue;
            }
            out.write(">\n");
            if (!errors.isEmpty()) {
                out.write("      <failure message=\"" + xml(errors.get(0).oneLine()) + "\" type=\"" + xml(errors.get(0).rule()) + "\">");
                for (Diagnostic d : errors) {
                    out.write(xml(d.oneLine() + "\n    fix: " + d.remediation() + "\n"));
                }
                out.write("</failure>\n");
            }
            if (!others.isEmpty()) {
                out.write("      <system-out>");
                for (Diagnostic d : others) {
                    out.write(xml(d.oneLine() + "\n"));
                }
                out.write("</system-out>\n");
            }
            out.write("    </testcase>\n");
        }
        out.write("  </testsuite>\n</testsuites>\n");
    }

    private static String key(String env, String id) {
        return env + "\u0000" + id;
    }

    static String xml(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&apos;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
                        sb.append(' ');
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }
}
