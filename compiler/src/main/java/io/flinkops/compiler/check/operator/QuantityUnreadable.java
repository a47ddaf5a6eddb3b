package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;
import java.util.List;

@Rule(
        id = "operator-quantity-unreadable",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Pod-template quantities are text the operator can read",
        rationale = "The operator reads a FlinkDeployment's pod templates into fabric8's Kubernetes model, whose quantity "
                + "reader refuses an empty quantity and one whose unit (from its first e, E, i, n, u, m, k, K, M, G, T or P "
                + "on) holds a digit and ends with a letter: a placeholder glued to a value (__TM_MEMORY__2Gi, %MEM%2Gi) or "
                + "1e3Gi, wherever the model holds a quantity (resources, overhead, emptyDir size limits, ephemeral volume "
                + "claims, the divisor of a resourceFieldRef). The API server stores such a resource (the CRD takes any text there), but the operator cannot read "
                + "it, refuses it at admission and never deploys it, whatever Flink would later set in the container. Other "
                + "malformed quantities pass this reader and are Kubernetes' to refuse (pod-template-resources-invalid).",
        remediation = "Fill in placeholders before the manifest reaches the cluster, and write quantities as Kubernetes "
                + "does (2Gi, 500m).")
public final class QuantityUnreadable extends RuleCheck {
    private static final String TEMPLATE_SPEC = "/podTemplate/spec";
    /** Where fabric8's Pod model holds quantities, below a pod template's spec: '*' is any key or index. */
    private static final List<String> PATHS = List.of(
            "containers,initContainers,ephemeralContainers/*/resources/requests,limits/*",
            "containers,initContainers,ephemeralContainers/*/env/*/valueFrom/resourceFieldRef/divisor",
            "overhead/*", "volumes/*/emptyDir/sizeLimit", "volumes/*/ephemeral/volumeClaimTemplate/spec/resources/requests,limits/*",
            "volumes/*/downwardAPI/items/*/resourceFieldRef/divisor",
            "volumes/*/projected/sources/*/downwardAPI/items/*/resourceFieldRef/divisor");
    private static final String UNIT_STARTS = "eEinumkKMGTP";

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        for (String template : new String[] {"/spec", "/spec/jobManager", "/spec/taskManager"}) {
            String at = template + TEMPLATE_SPEC;
            JsonNode spec = t.root().at(at);
            if (!spec.isObject()) {
                continue;
            }
            for (String path : PATHS) {
                Pointers.visit(spec, at, path, (value, pointer) -> {
                    if (value.isTextual() && !readable(value.textValue())) {
                        r.report(pointer, Pointers.dotted(pointer, t.root()) + " '" + value.textValue() + "' is a quantity the"
                                + " operator's Kubernetes model cannot read (\"Invalid quantity string format\")");
                    }
                });
            }
        }
    }

    /**
     * fabric8's Quantity.parse: the unit starts at the first of e, E, i, n, u, m, k, K, M, G, T, P; a unit holding a
     * digit must not end with a letter (so 4e9 reads, 4e9Gi does not), and an empty text is refused.
     */
    static boolean readable(String quantity) {
        if (quantity.isEmpty()) {
            return false;
        }
        int unit = 0;
        while (unit < quantity.length() && UNIT_STARTS.indexOf(quantity.charAt(unit)) < 0) {
            unit++;
        }
        String format = quantity.substring(unit);
        boolean digit = format.chars().anyMatch(Character::isDigit);
        return !(digit && Character.isAlphabetic(format.codePointBefore(format.length())));
    }
}
