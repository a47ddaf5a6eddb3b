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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

@Rule(
        id = "k8s-quantity-invalid",
        category = Category.SCHEMA,
        severity = Severity.ERROR,
        summary = "Quantities in Kubernetes objects are what the API server parses",
        rationale = "The API server decodes a ResourceQuota's hard limits, a LimitRange's values, a workload's container "
                + "resources, overhead and emptyDir size limits, and a volume claim's storage into quantities, and refuses "
                + "the whole object when one is not a quantity (\"quantities must match the regular expression\"): 2 Gi, "
                + "32 cores, 1K and 128GB pass kustomize and fail the Argo CD sync. Checked in objects of the core, apps "
                + "and batch groups (an overlay's extra resources, a rendered stream); a FlinkDeployment's pod template is "
                + "pod-template-resources-invalid's.",
        remediation = "Write the quantity as Kubernetes does: 500m or 2 (cpu), 2Gi or 2G (bytes), with no space and a "
                + "suffix among n u m k M G T P E Ki Mi Gi Ti Pi Ei.")
public final class QuantityInvalid extends RuleCheck {
    private static final String POD = "containers,initContainers,ephemeralContainers/*/resources/requests,limits/*";
    private static final List<String> POD_PATHS = List.of(POD, "overhead/*", "volumes/*/emptyDir/sizeLimit");
    private static final List<String> CLAIM_PATHS = List.of("resources/requests,limits/*");

    /** Where each kind holds quantities: segments split by '/', alternatives by ',', '*' for any key or index. */
    private static final Map<String, List<String>> PATHS = Map.ofEntries(
            Map.entry("v1/ResourceQuota", List.of("spec/hard/*")),
            Map.entry("v1/LimitRange", List.of("spec/limits/*/max,min,default,defaultRequest,maxLimitRequestRatio/*")),
            Map.entry("v1/Pod", under("spec/", POD_PATHS)),
            Map.entry("v1/PersistentVolumeClaim", under("spec/", CLAIM_PATHS)),
            Map.entry("v1/PersistentVolume", List.of("spec/capacity/*")),
            Map.entry("apps/v1/Deployment", under("spec/template/spec/", POD_PATHS)),
            Map.entry("apps/v1/ReplicaSet", under("spec/template/spec/", POD_PATHS)),
            Map.entry("apps/v1/DaemonSet", under("spec/template/spec/", POD_PATHS)),
            Map.entry("apps/v1/StatefulSet", Stream.concat(under("spec/template/spec/", POD_PATHS).stream(),
                    under("spec/volumeClaimTemplates/*/spec/", CLAIM_PATHS).stream()).toList()),
            Map.entry("batch/v1/Job", under("spec/template/spec/", POD_PATHS)),
            Map.entry("batch/v1/CronJob", under("spec/jobTemplate/spec/template/spec/", POD_PATHS)));

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        List<String> paths = PATHS.get(t.root().path("apiVersion").asText() + "/" + t.kind());
        if (paths == null) {
            return;
        }
        for (String path : paths) {
            Pointers.visit(t.root(), "", path, (value, pointer) -> check(value, pointer, t.root(), r));
        }
    }

    private static void check(JsonNode value, String pointer, JsonNode root, Reporter r) {
        if (value.isNull() || value.isNumber() || value.isTextual() && KubernetesQuantity.parse(value.textValue()).isPresent()) {
            return; // a null the API server drops; a number is read as its digits
        }
        String written = value.isTextual() ? "'" + value.textValue() + "'" : "a " + (value.isContainerNode() ? "mapping or list" : "boolean");
        r.report(pointer, Pointers.dotted(pointer, root) + ": " + written + " is not a Kubernetes quantity: the API server "
                + "refuses the object");
    }

    private static List<String> under(String prefix, List<String> paths) {
        return paths.stream().map(p -> prefix + p).toList();
    }
}
