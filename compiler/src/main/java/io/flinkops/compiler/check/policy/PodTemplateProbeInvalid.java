package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;
import java.util.Set;

@Rule(
        id = "pod-template-probe-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates' probes are ones Kubernetes takes",
        rationale = "A liveness, readiness or startup probe in a pod template reaches Kubernetes unread by the API "
                + "server's CRD check and the operator: Kubernetes then refuses the JobManager Deployment or the "
                + "TaskManager pods, and the job never starts, when a probe has no handler (exec, httpGet, tcpSocket or "
                + "grpc) or more than one, a negative delay, period, timeout or threshold, a liveness or startup "
                + "successThreshold other than 1, an httpGet scheme other than HTTP or HTTPS (http is refused), or a port "
                + "that is neither a number in 1-65535 nor a port name (at most 15 lower-case letters, digits and '-'). "
                + "Each pod is judged as the operator's merge makes it, probe into probe: a handler of the shared "
                + "template's probe and another of the component's make two, and a handler of either makes one.",
        remediation = "Give each probe one handler (httpGet on the REST port, 8081, for the JobManager), keep its "
                + "numbers at 0 or more and successThreshold at 1 for liveness and startup probes, and write HTTP or "
                + "HTTPS in upper case.")
public final class PodTemplateProbeInvalid extends RuleCheck {
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> NUMBERS =
            List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold");
    private static final Set<String> SCHEMES = Set.of("HTTP", "HTTPS");
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        MergedPods merged = MergedPods.of(t);
        PodFindings findings = new PodFindings();
        for (Pod pod : merged.pods()) {
            for (Item c : pod.containers()) {
                for (String probe : PROBES) {
                    if (c.node().path(probe).isObject()) {
                        probe(merged, pod, c.node(), probe, findings);
                    }
                }
            }
        }
        findings.report(r, merged.pods().size());
    }

    /** One probe of a merged container: its handlers may come from two templates, each field from the one laid last. */
    private static void probe(MergedPods merged, Pod pod, JsonNode container, String probe, PodFindings out) {
        JsonNode p = container.path(probe);
        String name = container.path("name").asText("");
        List<String> handlers = HANDLERS.stream().filter(h -> !p.path(h).isMissingNode() && !p.path(h).isNull()).toList();
        if (handlers.isEmpty()) {
            out.add(pod, merged.at(container, probe), MergedPods.where(container, name) + " " + probe,
                    "has no handler (exec, httpGet, tcpSocket or grpc)");
        } else if (handlers.size() > 1) {
            // of handlers from two templates, the one the component's template laid over the shared probe
            List<String> laidLast = handlers.stream()
                    .filter(h -> merged.writer(container, probe + "/" + h).equals(MergedPods.last(container))).toList();
            String second = probe + "/" + (laidLast.size() == 1 ? laidLast.get(0) : handlers.get(1));
            out.add(pod, merged.at(container, second), MergedPods.where(container, name) + " " + probe,
                    "has more than one handler (" + String.join(", ", handlers) + ")");
        }
        for (String field : NUMBERS) {
            JsonNode n = p.path(field);
            if (n.isIntegralNumber() && n.asLong() < 0) {
                value(merged, pod, container, probe + "/" + field, field + " is " + n.asText() + ", below 0", out);
            }
        }
        JsonNode success = p.path("successThreshold");
        if (!probe.equals("readinessProbe") && success.isIntegralNumber() && success.asLong() > 1) {
            value(merged, pod, container, probe + "/successThreshold", "successThreshold is " + success.asText() + "; a " + probe
                    + " takes only 1", out);
        }
        JsonNode scheme = p.path("httpGet").path("scheme");
        if (scheme.isTextual() && !SCHEMES.contains(scheme.textValue()) && !Placeholders.holdsOne(scheme.textValue())) {
            value(merged, pod, container, probe + "/httpGet/scheme", "httpGet scheme '" + scheme.textValue() + "' is not HTTP or HTTPS",
                    out);
        }
        for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
            JsonNode port = p.path(handler).path("port");
            String problem = port(port, handler.equals("grpc"));
            if (problem != null) {
                value(merged, pod, container, probe + "/" + handler + "/port", handler + " port " + port.asText() + " " + problem, out);
            }
        }
    }

    /** A finding on a value in a probe, at the template that wrote it ({@code path} below the container, from the probe on). */
    private static void value(MergedPods merged, Pod pod, JsonNode container, String path, String problem, PodFindings out) {
        String at = merged.writer(container, path);
        String probe = path.substring(0, path.indexOf('/'));
        out.add(pod, at + "/" + path, MergedPods.where(at, container.path("name").asText("")) + " " + probe, problem);
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
