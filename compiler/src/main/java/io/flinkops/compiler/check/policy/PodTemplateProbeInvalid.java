package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@Rule(
        id = "pod-template-probe-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates' probes and lifecycle hooks are ones Kubernetes takes",
        rationale = "A liveness, readiness or startup probe or a postStart or preStop hook in a pod template reaches "
                + "Kubernetes unread by the API server's CRD check and the operator: Kubernetes then refuses the JobManager "
                + "Deployment or the TaskManager pods, and the job never starts, when a probe has no handler (exec, httpGet, "
                + "tcpSocket or grpc) or more than one, or a hook none (exec, httpGet, tcpSocket or sleep) or more than one, "
                + "an exec handler has no command, a probe has a negative delay, period, timeout or threshold, a liveness or "
                + "startup successThreshold other than 1, an httpGet scheme other than HTTP or HTTPS (http is refused), an httpGet header name that is not one (X-Probe_Id), a "
                + "probe's terminationGracePeriodSeconds below 1 or on a readinessProbe, a "
                + "port that is neither a number in 1-65535 nor a port name (at most 15 lower-case letters, digits and '-'), "
                + "a hook sleeps longer than the pod's terminationGracePeriodSeconds (30 unless set: a preStop sleep of 60 "
                + "is refused), or an init container that is not a sidecar (restartPolicy: Always) has a probe or a hook. "
                + "Each pod is judged as the operator's merge makes it, probe into probe: a handler of the shared "
                + "template's probe and another of the component's make two, and a handler of either makes one.",
        remediation = "Give each probe and hook one handler (httpGet on the REST port, 8081, for the JobManager; exec with a "
                + "command), keep probe numbers at 0 or more and successThreshold at 1 for liveness and startup probes, "
                + "write HTTP or HTTPS in upper case, raise terminationGracePeriodSeconds above a preStop sleep, and move "
                + "probes off init containers that are not sidecars.")
public final class PodTemplateProbeInvalid extends MergedPodRule {
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> HOOKS = List.of("postStart", "preStop");
    private static final List<String> PROBE_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> HOOK_HANDLERS = List.of("exec", "httpGet", "tcpSocket", "sleep");
    private static final List<String> NUMBERS =
            List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold");
    private static final Set<String> SCHEMES = Set.of("HTTP", "HTTPS");
    /** What Kubernetes takes as a probe's header name (IsHTTPHeaderName). */
    private static final Pattern HEADER_NAME = Pattern.compile("[-A-Za-z0-9]+");
    /** A pod's terminationGracePeriodSeconds when its template sets none. */
    private static final long DEFAULT_GRACE_PERIOD = 30;

    @Override
    void judge(MergedPods merged, Pod pod, PodFindings findings) {
        JsonNode grace = pod.spec().path("terminationGracePeriodSeconds");
        long gracePeriod = grace.isIntegralNumber() ? grace.asLong() : DEFAULT_GRACE_PERIOD;
        for (Item c : pod.containers()) {
            JsonNode node = c.node();
            if (c.list().equals("initContainers") && !"Always".equals(node.path("restartPolicy").asText())) {
                initContainer(merged, pod, node, findings);
                continue;
            }
            for (String probe : PROBES) {
                if (node.path(probe).isObject()) {
                    handler(merged, pod, node, probe, PROBE_HANDLERS, findings);
                    numbers(merged, pod, node, probe, findings);
                }
            }
            for (String hook : HOOKS) {
                if (node.path("lifecycle").path(hook).isObject()) {
                    handler(merged, pod, node, "lifecycle/" + hook, HOOK_HANDLERS, findings);
                    sleep(merged, pod, node, "lifecycle/" + hook, gracePeriod, findings);
                }
            }
        }
    }

    /** An init container that runs to completion before Flink (no restartPolicy: Always) takes no probe or hook. */
    private static void initContainer(MergedPods merged, Pod pod, JsonNode container, PodFindings out) {
        for (String field : List.of("livenessProbe", "readinessProbe", "startupProbe", "lifecycle")) {
            JsonNode value = container.path(field);
            if (MergedPods.isSet(value)) {
                value(merged, pod, container, field, "", "is set, but an init container takes none unless its restartPolicy is"
                        + " Always (a sidecar)", out);
            }
        }
    }

    /**
     * One handler-carrying field of a merged container (a probe, {@code lifecycle/preStop}): its handlers may come from
     * two templates, each field from the one laid last.
     */
    private static void handler(MergedPods merged, Pod pod, JsonNode container, String field, List<String> kinds,
            PodFindings out) {
        JsonNode p = container.at("/" + field);
        String name = container.path("name").asText("");
        List<String> handlers = kinds.stream().filter(h -> MergedPods.isSet(p.path(h))).toList();
        if (handlers.isEmpty()) {
            out.add(pod, merged.at(container, field), MergedPods.where(container, name) + " " + label(field),
                    "has no handler (" + String.join(", ", kinds.subList(0, kinds.size() - 1)) + " or " + kinds.get(kinds.size() - 1) + ")");
        } else if (handlers.size() > 1) {
            // of handlers from two templates, the one the component's template laid over the shared one
            List<String> laidLast = handlers.stream()
                    .filter(h -> merged.writer(container, field + "/" + h).equals(MergedPods.last(container))).toList();
            String second = field + "/" + (laidLast.size() == 1 ? laidLast.get(0) : handlers.get(1));
            out.add(pod, merged.at(container, second), MergedPods.where(container, name) + " " + label(field),
                    "has more than one handler (" + String.join(", ", handlers) + ")");
        }
        JsonNode exec = p.path("exec");
        JsonNode command = exec.path("command");
        if (exec.isObject() && (command.isMissingNode() || command.isNull() || command.isArray() && command.isEmpty())) {
            value(merged, pod, container, field, "exec", "exec has no command", out);
        }
        JsonNode scheme = p.path("httpGet").path("scheme");
        if (scheme.isTextual() && !SCHEMES.contains(scheme.textValue()) && !Placeholders.holdsOne(scheme.textValue())) {
            value(merged, pod, container, field, "httpGet/scheme", "httpGet scheme '" + scheme.textValue() + "' is not HTTP or HTTPS",
                    out);
        }
        for (JsonNode item : MergedPods.list(p.path("httpGet").path("httpHeaders"))) {
            JsonNode header = item.path("name");
            if (header.isTextual() && !HEADER_NAME.matcher(header.textValue()).matches() && !Placeholders.holdsOne(header.textValue())) {
                value(merged, pod, container, field, "httpGet/httpHeaders", "httpGet header name '" + header.textValue()
                        + "' is not an HTTP header name (letters, digits and '-')", out);
            }
        }
        for (String kind : List.of("httpGet", "tcpSocket", "grpc")) {
            JsonNode port = p.path(kind).path("port");
            String problem = port(port, kind.equals("grpc"));
            if (problem != null) {
                value(merged, pod, container, field, kind + "/port", kind + " port " + port.asText() + " " + problem, out);
            }
        }
    }

    private static void numbers(MergedPods merged, Pod pod, JsonNode container, String probe, PodFindings out) {
        JsonNode p = container.path(probe);
        for (String field : NUMBERS) {
            JsonNode n = p.path(field);
            if (n.isIntegralNumber() && n.asLong() < 0) {
                value(merged, pod, container, probe, field, field + " is " + n.asText() + ", below 0", out);
            }
        }
        JsonNode grace = p.path("terminationGracePeriodSeconds");
        if (probe.equals("readinessProbe") && MergedPods.isSet(grace)) {
            value(merged, pod, container, probe, "terminationGracePeriodSeconds", "sets terminationGracePeriodSeconds, which a"
                    + " readinessProbe does not take", out);
        } else if (grace.isIntegralNumber() && grace.asLong() <= 0) {
            value(merged, pod, container, probe, "terminationGracePeriodSeconds", "terminationGracePeriodSeconds is "
                    + grace.asText() + "; it must be 1 or more", out);
        }
        JsonNode success = p.path("successThreshold");
        if (!probe.equals("readinessProbe") && success.isIntegralNumber() && success.asLong() > 1) {
            value(merged, pod, container, probe, "successThreshold", "successThreshold is " + success.asText() + "; a " + probe
                    + " takes only 1", out);
        }
    }

    /** A hook's sleep: Kubernetes takes 0 up to the pod's terminationGracePeriodSeconds (30 unless set). */
    private static void sleep(MergedPods merged, Pod pod, JsonNode container, String hook, long gracePeriod, PodFindings out) {
        JsonNode seconds = container.at("/" + hook + "/sleep/seconds");
        if (seconds.isIntegralNumber() && (seconds.asLong() < 0 || seconds.asLong() > gracePeriod)) {
            value(merged, pod, container, hook, "sleep/seconds", "sleeps " + seconds.asText() + " seconds, not between 0 and the"
                    + " pod's terminationGracePeriodSeconds (" + gracePeriod + ")", out);
        }
    }

    /**
     * A finding on a value of a container's probe or hook ({@code field}: livenessProbe, lifecycle/preStop), at
     * {@code below} in it (empty for the whole of it), named at the template that wrote the value.
     */
    private static void value(MergedPods merged, Pod pod, JsonNode container, String field, String below, String problem,
            PodFindings out) {
        String path = below.isEmpty() ? field : field + "/" + below;
        String at = merged.writer(container, path);
        out.add(pod, at + "/" + path, MergedPods.where(at, container.path("name").asText("")) + " " + label(field), problem);
    }

    /** How a message names a probe or hook: livenessProbe, lifecycle.preStop. */
    private static String label(String field) {
        return field.replace('/', '.');
    }

    /** Why a probe's port is refused, or null: a number in 1-65535, or (but for grpc) a port name. */
    private static String port(JsonNode port, boolean numberOnly) {
        if (port.isIntegralNumber()) {
            return PodSpecNames.isPortNumber(port.asLong()) ? null : "is not between 1 and 65535";
        }
        if (!port.isTextual() || Placeholders.holdsOne(port.textValue()) || numberOnly) {
            return null; // a grpc port the CRD types as an integer; the schema check judges its type
        }
        String name = port.textValue();
        return PodSpecNames.isPortName(name) ? null
                : "is not a port name (at most 15 lower-case letters, digits and single '-', with a letter)";
    }
}
