package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.KubernetesQuantity;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

@Rule(
        id = "pod-template-resources-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod-template containers ask for resources Kubernetes accepts",
        rationale = "The CRD types a pod template's resources as integer-or-string and the operator does not read them, so a "
                + "FlinkDeployment is admitted with a quantity the API server cannot parse (2 Gi, 1K, 1gb), a negative one, a "
                + "resource name it does not know for containers (cpus, mem), or a request above its limit (an extended "
                + "resource's, such as nvidia.com/gpu, must equal it), an extended resource that is not a whole number (0.5 GPUs), "
                + "huge pages that are not a positive multiple of their page size, or huge pages in a container without cpu "
                + "or memory. The operator's JobManager Deployment or TaskManager "
                + "pods are then refused and the job never starts, while Argo CD shows the sync as done. A request and its "
                + "limit are compared in the pods the operator's merge of the templates makes: one template may set the "
                + "request and the other its limit. Not checked: "
                + "flink-main-container's cpu and memory, which Flink sets from spec.jobManager/taskManager.resource, nor "
                + "its ephemeral-storage where that component's resource sets ephemeralStorage.",
        remediation = "Write each quantity as Kubernetes does (500m, 2Gi, 10G), name resources cpu, memory, ephemeral-storage, "
                + "hugepages-<size> or a domain-qualified extended resource, and keep every request at or below its limit.")
public final class PodTemplateResourcesInvalid extends MergedPodRule {
    private static final Set<String> CONTAINER_RESOURCES = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> SET_BY_FLINK = Set.of("cpu", "memory");
    private static final String MAIN_CONTAINER = "flink-main-container";
    private static final String HUGEPAGES = "hugepages-";
    private static final String REFUSED = PodSpecNames.REFUSED;

    /** Each quantity as written, in the template that wrote it. */
    @Override
    void checkTemplates(CheckTarget t, Reporter r) {
        for (String component : PodTemplateContainers.COMPONENTS) {
            for (PodTemplateContainers.Container c : PodTemplateContainers.of(t.spec(), component)) {
                boolean main = c.list().equals("containers") && c.name().equals(MAIN_CONTAINER);
                check(c, main, main && storageSetBySpec(t.spec(), component), r);
            }
        }
    }

    /** A request and its limit may come from two templates: they are compared in the pods the operator's merge makes. */
    @Override
    void judge(MergedPods merged, Pod pod, PodFindings findings) {
        for (Item c : pod.containers()) {
            boolean main = c.list().equals("containers") && MAIN_CONTAINER.equals(c.node().path("name").asText());
            compare(merged, pod, c.node(), main, main && hasStorage(merged.target().spec(), pod.component()), findings);
        }
    }

    /** Whether the operator sets the main container's ephemeral storage in every pod this template makes. */
    private static boolean storageSetBySpec(JsonNode spec, String component) {
        return component != null ? hasStorage(spec, component) : hasStorage(spec, "jobManager") && hasStorage(spec, "taskManager");
    }

    private static boolean hasStorage(JsonNode spec, String component) {
        JsonNode storage = spec.path(component).path("resource").get("ephemeralStorage");
        return storage != null && !storage.isNull();
    }

    private static void check(PodTemplateContainers.Container c, boolean main, boolean storageSet, Reporter r) {
        JsonNode resources = c.node().path("resources");
        String at = c.pointer() + "/resources/";
        String who = "container " + (c.name().isEmpty() ? "#" + c.index() : c.name()) + " ";
        for (String kind : new String[] {"requests", "limits"}) {
            JsonNode entries = resources.path(kind);
            for (var e : entries.properties()) {
                String name = e.getKey();
                if (main && (SET_BY_FLINK.contains(name) || storageSet && name.equals("ephemeral-storage"))) {
                    continue;
                }
                String pointer = Pointers.child(at + kind, name);
                if (!name.contains("/") && !CONTAINER_RESOURCES.contains(name) && !name.startsWith("hugepages-")) {
                    r.report(pointer, who + "resources." + kind + " names '" + name + "', not a resource Kubernetes knows for "
                            + "containers (cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified name)" + REFUSED);
                    continue;
                }
                if (isExtended(name) && !Placeholders.holdsOne(name) && !KubernetesNames.isQualifiedName("requests." + name)) {
                    r.report(pointer, who + "resources." + kind + " names '" + name + "', not an extended resource name (a"
                            + " lower-case domain, '/', and a name of letters, digits, '-', '_' or '.')" + REFUSED);
                    continue;
                }
                amount(e.getValue()).ifPresentOrElse(amount -> {
                    if (amount.signum() < 0) {
                        r.report(pointer, who + "resources." + kind + "." + name + " is negative (" + e.getValue().asText() + ")" + REFUSED);
                    } else if (isExtended(name) && amount.stripTrailingZeros().scale() > 0) {
                        r.report(pointer, who + "resources." + kind + "." + name + " is " + e.getValue().asText() + "; an extended"
                                + " resource comes in whole units" + REFUSED);
                    } else if (name.startsWith(HUGEPAGES) && !isWholePages(name, amount)) {
                        r.report(pointer, who + "resources." + kind + "." + name + " is " + e.getValue().asText() + ", not a"
                                + " positive whole number of " + name.substring(HUGEPAGES.length()) + " pages" + REFUSED);
                    }
                }, () -> {
                    if (!(e.getValue().isTextual() && Placeholders.holdsOne(e.getValue().textValue()))) {
                        r.report(pointer, who + "resources." + kind + "." + name + " '" + e.getValue().asText()
                                + "' is not a Kubernetes quantity (such as 500m, 2Gi or 10G)" + REFUSED);
                    }
                });
            }
        }
    }

    /** Each request against its limit in a merged container, reported at the request as written. */
    private static void compare(MergedPods merged, Pod pod, JsonNode container, boolean main, boolean storageSet, PodFindings out) {
        JsonNode resources = container.path("resources");
        if (!main) {
            hugePagesWithoutCpuOrMemory(merged, pod, container, out);
        }
        Map<String, BigDecimal> limits = amounts(resources.path("limits"), main, storageSet);
        amounts(resources.path("requests"), main, storageSet).forEach((name, request) -> {
            BigDecimal limit = limits.get(name);
            boolean exact = overcommitForbidden(name);
            String field = Pointers.child("resources/requests", name);
            String at = merged.writer(container, field);
            String who = "container " + (container.path("name").asText("").isEmpty()
                    ? "#" + at.substring(at.lastIndexOf('/') + 1) : container.path("name").asText());
            String limitWriter = merged.writer(container, Pointers.child("resources/limits", name));
            String from = limitWriter.equals(at) ? "" : " (set by " + MergedPods.where(limitWriter) + ", which the operator merges with it)";
            if (limit != null && (exact ? request.compareTo(limit) != 0 : request.compareTo(limit) > 0)) {
                out.add(pod, at + "/" + field, who, "resources.requests." + name + " " + resources.path("requests").path(name).asText()
                        + (exact ? " differs from" : " is above") + " its limit " + resources.path("limits").path(name).asText() + from);
            } else if (limit == null && exact && !resources.path("limits").has(name)) {
                out.add(pod, at + "/" + field, who, "resources.requests." + name
                        + " has no limit, which Kubernetes requires of a resource it cannot overcommit");
            }
        });
    }

    /** Huge pages in a container that asks for no cpu and no memory (Flink sets both on its own container). */
    private static void hugePagesWithoutCpuOrMemory(MergedPods merged, Pod pod, JsonNode container, PodFindings out) {
        JsonNode resources = container.path("resources");
        String pages = null;
        boolean cpuOrMemory = false;
        for (String kind : new String[] {"requests", "limits"}) {
            for (var e : resources.path(kind).properties()) {
                if (e.getKey().startsWith(HUGEPAGES) && pages == null) {
                    pages = Pointers.child("resources/" + kind, e.getKey());
                }
                cpuOrMemory |= SET_BY_FLINK.contains(e.getKey());
            }
        }
        if (pages != null && !cpuOrMemory) {
            String at = merged.writer(container, pages);
            String name = container.path("name").asText("");
            out.add(pod, at + "/" + pages, "container " + (name.isEmpty() ? "#" + at.substring(at.lastIndexOf('/') + 1) : name),
                    "asks for huge pages without cpu or memory, which Kubernetes requires beside them");
        }
    }

    /** The quantities Kubernetes reads in a container's requests or limits (those set by Flink left out). */
    private static Map<String, BigDecimal> amounts(JsonNode entries, boolean main, boolean storageSet) {
        Map<String, BigDecimal> out = new TreeMap<>();
        for (var e : entries.properties()) {
            String name = e.getKey();
            if (MergedPods.isMark(name) || main && (SET_BY_FLINK.contains(name) || storageSet && name.equals("ephemeral-storage"))) {
                continue;
            }
            amount(e.getValue()).filter(amount -> amount.signum() >= 0).ifPresent(amount -> out.put(name, amount));
        }
        return out;
    }

    /** An extended resource (nvidia.com/gpu): a domain-qualified name outside kubernetes.io, counted in whole units. */
    private static boolean isExtended(String name) {
        return name.contains("/") && !name.contains("kubernetes.io/") && !name.startsWith("requests.");
    }

    /** A huge-page amount Kubernetes takes: a positive multiple of the page size its name carries (hugepages-2Mi). */
    private static boolean isWholePages(String name, BigDecimal amount) {
        Optional<BigDecimal> page = KubernetesQuantity.parse(name.substring(HUGEPAGES.length())).filter(p -> p.signum() > 0);
        return page.isPresent() && amount.signum() > 0 && amount.remainder(page.get()).signum() == 0;
    }

    /** An extended resource (nvidia.com/gpu) or huge pages: a request must equal its limit. */
    private static boolean overcommitForbidden(String name) {
        return name.startsWith("hugepages-") || name.contains("/") && !name.contains("kubernetes.io/");
    }

    private static Optional<BigDecimal> amount(JsonNode value) {
        if (value.isNumber()) {
            return Optional.of(value.decimalValue());
        }
        return value.isTextual() ? KubernetesQuantity.parse(value.textValue()) : Optional.empty();
    }
}
