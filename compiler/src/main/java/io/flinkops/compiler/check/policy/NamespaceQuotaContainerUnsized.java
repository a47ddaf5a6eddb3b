package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.ManifestGenerator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

@Rule(
        id = "namespace-quota-container-unsized",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Every container of a Flink pod sets the cpu and memory its namespace's ResourceQuota counts",
        rationale = "A ResourceQuota on requests or limits of cpu or memory makes the API server refuse "
                + "any pod with a container that does not set them, after a LimitRange has filled in its defaults. The "
                + "operator sizes Flink's own container (flink-main-container) from spec.jobManager and spec.taskManager, "
                + "but a sidecar or init container of a pod template (a log shipper, a jar fetcher) keeps what the template "
                + "says: the FlinkDeployment is accepted, its JobManager or TaskManager pods are refused, and the job never "
                + "starts. A request is also set by a limit of the same resource (the API server copies it). Each pod is "
                + "judged as the operator's merge of the templates makes it: a component's item laid over the shared one "
                + "by position, or by name with kubernetes.operator.pod-template.merge-arrays-by-name.",
        remediation = "Set resources on the container, or give the namespace container defaults "
                + "(namespaces[].containerDefaults in environment.yaml, which flinkops writes as a LimitRange).")
public final class NamespaceQuotaContainerUnsized extends RuleCheck {
    /** What a quota makes every container set (ephemeral storage and the rest it only counts); cpu and memory mean requests. */
    private static final Set<String> REQUIRED = Set.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory");
    private static final String[][] ROLES = {{"jobManager", "JobManager"}, {"taskManager", "TaskManager"}};

    /** A container as written in one template: what the quotas miss on it, in which components' pods. */
    private record Unsized(String name, Set<String> missing, Set<String> pods) {}

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        String namespace = t.object().namespace();
        Map<String, String> required = required(t.view().inNamespace("ResourceQuota", namespace));
        if (required.isEmpty()) {
            return;
        }
        Set<String> defaultRequests = new TreeSet<>();
        Set<String> defaultLimits = new TreeSet<>();
        for (EmittedObject limitRange : t.view().inNamespace("LimitRange", namespace)) {
            for (JsonNode item : limitRange.object().path("spec").path("limits")) {
                if (item.isObject() && "Container".equals(item.path("type").asText())) {
                    // the API server defaults a LimitRange's default from its max, and its defaultRequest from its default
                    item.path("max").fieldNames().forEachRemaining(k -> { defaultLimits.add(k); defaultRequests.add(k); });
                    item.path("default").fieldNames().forEachRemaining(k -> { defaultLimits.add(k); defaultRequests.add(k); });
                    item.path("defaultRequest").fieldNames().forEachRemaining(defaultRequests::add);
                }
            }
        }
        Map<String, Unsized> unsized = new LinkedHashMap<>(); // by the pointer of the container as written
        // each pod as the operator's merge of the templates makes it, each container named where it was written
        MergedPods merged = MergedPods.of(t);
        for (Pod pod : merged.pods()) {
            String role = pod.component().equals("jobManager") ? "JobManager" : "TaskManager";
            for (Item c : pod.containers()) {
                String name = c.node().path("name").asText("");
                if (c.list().equals("containers") && name.equals(ManifestGenerator.FLINK_MAIN_CONTAINER)) {
                    continue;
                }
                Set<String> missing = new TreeSet<>();
                for (String key : required.keySet()) {
                    if (!satisfied(c.node(), key, defaultRequests, defaultLimits)) {
                        missing.add(key);
                    }
                }
                if (missing.isEmpty()) {
                    continue;
                }
                for (String origin : MergedPods.origins(c.node())) {
                    String written = merged.written(origin).path("name").asText("");
                    Unsized u = unsized.computeIfAbsent(origin,
                            k -> new Unsized(written.isEmpty() ? name : written, new TreeSet<>(), new TreeSet<>()));
                    u.missing().addAll(missing);
                    u.pods().add(role);
                }
            }
        }
        unsized.forEach((pointer, u) -> {
            Set<String> quotas = new TreeSet<>();
            u.missing().forEach(m -> quotas.add(required.get(m)));
            r.report(pointer, (u.name().isEmpty() ? "an unnamed container" : "container " + u.name()) + " sets no "
                    + String.join(", ", u.missing()) + " and no LimitRange of namespace " + namespace
                    + " gives a default: ResourceQuota " + String.join(", ", quotas) + " refuses the "
                    + String.join(" and ", u.pods()) + " pods, so the job never starts");
        });
    }

    /** Each resource the quotas make containers set, as requests.X or limits.X, to the first quota that counts it. */
    private static Map<String, String> required(List<EmittedObject> quotas) {
        Map<String, String> out = new TreeMap<>();
        for (EmittedObject quota : quotas) {
            JsonNode spec = quota.object().path("spec");
            if (!"v1".equals(quota.apiVersion()) || spec.has("scopes") || spec.has("scopeSelector")) {
                continue; // a scoped quota counts only some pods; which, the rule cannot tell from the template
            }
            spec.path("hard").fieldNames().forEachRemaining(key -> {
                String normalized = key.equals("cpu") || key.equals("memory") ? "requests." + key : key;
                if (REQUIRED.contains(normalized)) {
                    out.putIfAbsent(normalized, quota.name());
                }
            });
        }
        return out;
    }

    private static boolean satisfied(JsonNode container, String key, Set<String> defaultRequests, Set<String> defaultLimits) {
        String resource = key.substring(key.indexOf('.') + 1);
        boolean limit = key.startsWith("limits.");
        if ((limit ? defaultLimits : defaultRequests).contains(resource)) {
            return true;
        }
        JsonNode resources = container.path("resources");
        return resources.path("limits").has(resource) || !limit && resources.path("requests").has(resource);
    }
}
