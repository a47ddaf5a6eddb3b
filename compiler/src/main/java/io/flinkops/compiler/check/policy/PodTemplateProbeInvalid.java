package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.PodTemplateContainers.Container;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.ArrayList;
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
                + "A probe with no handler is judged only where no template the operator merges with this one declares "
                + "the same probe on the same container: the merge may bring the handler.",
        remediation = "Give each probe one handler (httpGet on the REST port, 8081, for the JobManager), keep its "
                + "numbers at 0 or more and successThreshold at 1 for liveness and startup probes, and write HTTP or "
                + "HTTPS in upper case.")
public final class PodTemplateProbeInvalid extends RuleCheck {
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");
    private static final List<String> HANDLERS = List.of("exec", "httpGet", "tcpSocket", "grpc");
    private static final List<String> NUMBERS =
            List.of("initialDelaySeconds", "timeoutSeconds", "periodSeconds", "successThreshold", "failureThreshold");
    private static final Set<String> SCHEMES = Set.of("HTTP", "HTTPS");
    private static final String REFUSED = PodSpecNames.REFUSED;

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        List<List<Container>> templates = new ArrayList<>();
        for (String component : PodTemplateContainers.COMPONENTS) {
            templates.add(PodTemplateContainers.of(t.spec(), component));
        }
        for (int k = 0; k < templates.size(); k++) {
            String component = PodTemplateContainers.COMPONENTS[k];
            List<List<Container>> others = component == null ? templates.subList(1, 3) : List.of(templates.get(0));
            for (Container c : templates.get(k)) {
                String where = (component == null ? "spec.podTemplate" : "spec." + component + ".podTemplate") + " "
                        + c.list() + "[" + c.index() + "]" + (c.name().isEmpty() ? "" : " (" + c.name() + ")");
                for (String probe : PROBES) {
                    JsonNode p = c.node().path(probe);
                    if (p.isObject()) {
                        probe(p, c.pointer() + "/" + probe, where + " " + probe, probe, mergedProbe(others, c, probe), r);
                    }
                }
            }
        }
    }

    /** Whether a template merged with this one declares the same probe on the container the merge joins it to. */
    private static boolean mergedProbe(List<List<Container>> others, Container c, String probe) {
        return others.stream().flatMap(List::stream).anyMatch(o -> o.list().equals(c.list())
                && (o.index() == c.index() || !c.name().isEmpty() && o.name().equals(c.name()))
                && !o.node().path(probe).isMissingNode() && !o.node().path(probe).isNull());
    }

    private static void probe(JsonNode p, String at, String what, String probe, boolean merged, Reporter r) {
        List<String> handlers = HANDLERS.stream().filter(h -> !p.path(h).isMissingNode() && !p.path(h).isNull()).toList();
        if (handlers.isEmpty() && !merged) {
            r.report(at, what + " has no handler (exec, httpGet, tcpSocket or grpc)" + REFUSED);
        } else if (handlers.size() > 1) {
            r.report(at + "/" + handlers.get(1), what + " has more than one handler (" + String.join(", ", handlers) + ")" + REFUSED);
        }
        for (String field : NUMBERS) {
            JsonNode n = p.path(field);
            if (n.isIntegralNumber() && n.asLong() < 0) {
                r.report(at + "/" + field, what + " " + field + " is " + n.asText() + ", below 0" + REFUSED);
            }
        }
        JsonNode success = p.path("successThreshold");
        if (!probe.equals("readinessProbe") && success.isIntegralNumber() && success.asLong() > 1) {
            r.report(at + "/successThreshold", what + " successThreshold is " + success.asText() + "; a " + probe
                    + " takes only 1" + REFUSED);
        }
        JsonNode scheme = p.path("httpGet").path("scheme");
        if (scheme.isTextual() && !SCHEMES.contains(scheme.textValue()) && !Placeholders.holdsOne(scheme.textValue())) {
            r.report(at + "/httpGet/scheme", what + " httpGet scheme '" + scheme.textValue() + "' is not HTTP or HTTPS" + REFUSED);
        }
        for (String handler : List.of("httpGet", "tcpSocket", "grpc")) {
            JsonNode port = p.path(handler).path("port");
            String problem = port(port, handler.equals("grpc"));
            if (problem != null) {
                r.report(at + "/" + handler + "/port", what + " " + handler + " port " + port.asText() + " " + problem + REFUSED);
            }
        }
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
