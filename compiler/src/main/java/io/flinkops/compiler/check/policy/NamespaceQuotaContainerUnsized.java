package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.PodTemplateContainers.Container;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.ArrayList;
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
                + "starts. A request is also set by a limit of the same resource (the API server copies it). A component's "
                + "template is merged over the shared one as the operator merges them: list items by position, or by name "
                + "with kubernetes.operator.pod-template.merge-arrays-by-name.",
        remediation = "Set resources on the container, or give the namespace container defaults "
                + "(namespaces[].containerDefaults in environment.yaml, which flinkops writes as a LimitRange).")
public final class NamespaceQuotaContainerUnsized extends RuleCheck {
    private static final String MAIN_CONTAINER = "flink-main-container";
    private static final String MERGE_BY_NAME = "kubernetes.operator.pod-template.merge-arrays-by-name";
    /** The resources a quota makes every container set (ephemeral storage and the rest it only counts). */
    private static final Set<String> COMPUTE = Set.of("cpu", "memory");
    private static final String[][] ROLES = {{"jobManager", "JobManager"}, {"taskManager", "TaskManager"}};

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
        Map<String, Set<String>> missingAt = new LinkedHashMap<>();
        Map<String, Set<String>> podsAt = new LinkedHashMap<>();
        Map<String, String> nameAt = new LinkedHashMap<>();
        // the operator merges a component's template over the shared one: list items by position, or
        // by name when kubernetes.operator.pod-template.merge-arrays-by-name is true
        boolean byName = t.conf().get(MERGE_BY_NAME).flatMap(FlinkValues::bool).orElse(false);
        for (String[] role : ROLES) {
            List<Container> containers = new ArrayList<>(PodTemplateContainers.of(t.spec(), null));
            containers.addAll(PodTemplateContainers.of(t.spec(), role[0]));
            Map<String, List<Container>> merged = new TreeMap<>();
            for (Container c : containers) {
                String slot = byName && !c.name().isEmpty() ? "name " + c.name() : "index " + c.index();
                merged.computeIfAbsent(c.list() + "/" + slot, k -> new ArrayList<>()).add(c);
            }
            for (List<Container> same : merged.values()) {
                Container last = same.get(same.size() - 1); // the component's own, when both name the slot
                String mergedName = last.name().isEmpty() ? same.get(0).name() : last.name();
                if (last.list().equals("containers") && mergedName.equals(MAIN_CONTAINER)) {
                    continue;
                }
                Set<String> missing = new TreeSet<>();
                required.keySet().forEach(key -> {
                    if (!satisfied(same, key, defaultRequests, defaultLimits)) {
                        missing.add(key);
                    }
                });
                if (missing.isEmpty()) {
                    continue;
                }
                for (Container c : same) {
                    missingAt.computeIfAbsent(c.pointer(), k -> new TreeSet<>()).addAll(missing);
                    podsAt.computeIfAbsent(c.pointer(), k -> new TreeSet<>()).add(role[1]);
                    nameAt.put(c.pointer(), mergedName);
                }
            }
        }
        missingAt.forEach((pointer, missing) -> {
            Set<String> quotas = new TreeSet<>();
            missing.forEach(m -> quotas.add(required.get(m)));
            String name = nameAt.get(pointer).isEmpty() ? "an unnamed container" : "container " + nameAt.get(pointer);
            r.report(pointer, name + " sets no " + String.join(", ", missing) + " and no LimitRange of namespace " + namespace
                    + " gives a default: ResourceQuota " + String.join(", ", quotas) + " refuses the "
                    + String.join(" and ", podsAt.get(pointer)) + " pods, so the job never starts");
        });
    }

    /** Each compute resource the quotas count, as requests.X or limits.X, to the first quota that counts it. */
    private static Map<String, String> required(List<EmittedObject> quotas) {
        Map<String, String> out = new TreeMap<>();
        for (EmittedObject quota : quotas) {
            if (!"v1".equals(quota.apiVersion()) || quota.object().path("spec").has("scopes")
                    || quota.object().path("spec").has("scopeSelector")) {
                continue; // a scoped quota counts only some pods; which, the rule cannot tell from the template
            }
            quota.object().path("spec").path("hard").fieldNames().forEachRemaining(key -> {
                String normalized = COMPUTE.contains(key) ? "requests." + key : key;
                int dot = normalized.indexOf('.');
                if (dot > 0 && COMPUTE.contains(normalized.substring(dot + 1))
                        && (normalized.startsWith("requests.") || normalized.startsWith("limits."))) {
                    out.putIfAbsent(normalized, quota.name());
                }
            });
        }
        return out;
    }

    private static boolean satisfied(List<Container> same, String key, Set<String> defaultRequests, Set<String> defaultLimits) {
        String resource = key.substring(key.indexOf('.') + 1);
        boolean limit = key.startsWith("limits.");
        if ((limit ? defaultLimits : defaultRequests).contains(resource)) {
            return true;
        }
        for (Container c : same) {
            JsonNode resources = c.node().path("resources");
            if (resources.path("limits").has(resource) || !limit && resources.path("requests").has(resource)) {
                return true;
            }
        }
        return false;
    }
}
