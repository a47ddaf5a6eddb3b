package io.flinkops.compiler.check.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.KubernetesQuantity;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;
import java.math.BigDecimal;
import java.util.Optional;

@Rule(
        id = "limit-range-invalid",
        category = Category.SCHEMA,
        severity = Severity.ERROR,
        summary = "A LimitRange's values are in order: min, defaultRequest, default, max",
        rationale = "The API server refuses a LimitRange whose minimum is over its maximum, whose default request is over "
                + "its default limit or outside min and max, or that gives defaults to whole pods (type Pod). The "
                + "LimitRange is refused, the pods it should have sized are not, and a ResourceQuota on requests or "
                + "limits then refuses them.",
        remediation = "Order the values (namespaces[].containerDefaults in environment.yaml: requests at most the limits).")
public final class LimitRangeInvalid extends RuleCheck {
    /** Pairs that must be in order, lower first, as the API server validates them. */
    private static final String[][] ORDER = {
        {"min", "max"}, {"min", "defaultRequest"}, {"min", "default"},
        {"defaultRequest", "default"}, {"defaultRequest", "max"}, {"default", "max"}};

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!"LimitRange".equals(t.kind()) || !"v1".equals(t.object().apiVersion())) {
            return;
        }
        JsonNode limits = t.root().path("spec").path("limits");
        for (int i = 0; limits.isArray() && i < limits.size(); i++) {
            JsonNode item = limits.get(i);
            String at = "/spec/limits/" + i;
            if ("Pod".equals(item.path("type").asText())) {
                for (String field : new String[] {"default", "defaultRequest"}) {
                    if (item.has(field)) {
                        r.report(at + "/" + field, field + " is not allowed for type Pod (only containers get defaults)");
                    }
                }
            }
            for (String[] pair : ORDER) {
                item.path(pair[0]).properties().forEach(e -> {
                    Optional<BigDecimal> lower = KubernetesQuantity.parse(e.getValue().asText());
                    Optional<BigDecimal> upper = KubernetesQuantity.parse(item.path(pair[1]).path(e.getKey()).asText(null));
                    if (lower.isPresent() && upper.isPresent() && lower.get().compareTo(upper.get()) > 0) {
                        r.report(Pointers.child(at + "/" + pair[0], e.getKey()), pair[0] + " " + e.getKey() + " "
                                + e.getValue().asText() + " is over " + pair[1] + " " + item.path(pair[1]).path(e.getKey()).asText()
                                + ": the API server refuses the LimitRange");
                    }
                });
            }
        }
    }
}
