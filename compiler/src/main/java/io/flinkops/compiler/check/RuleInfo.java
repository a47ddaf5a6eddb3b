package io.flinkops.compiler.check;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The metadata of one rule, read from its {@link Rule} annotation. */
public record RuleInfo(
        String id, Category category, Severity severity, String summary, String rationale,
        String remediation, Map<String, String[]> parameters, List<String> aliases) {

    public static RuleInfo of(Class<?> type) {
        Rule r = type.getAnnotation(Rule.class);
        if (r == null) {
            throw new IllegalStateException(type.getName() + " has no @Rule");
        }
        Map<String, String[]> params = new LinkedHashMap<>();
        for (String p : r.parameters()) {
            int eq = p.indexOf('=');
            int colon = p.indexOf(": ", eq);
            params.put(p.substring(0, eq), new String[] {p.substring(eq + 1, colon), p.substring(colon + 2)});
        }
        return new RuleInfo(r.id(), r.category(), r.severity(), r.summary(), r.rationale(), r.remediation(),
                params, List.of(r.aliases()));
    }

    public String defaultParameter(String name) {
        String[] p = parameters.get(name);
        if (p == null) {
            throw new IllegalArgumentException("rule " + id + " declares no parameter " + name);
        }
        return p[0];
    }
}
