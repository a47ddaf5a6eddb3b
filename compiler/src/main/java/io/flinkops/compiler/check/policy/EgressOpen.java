package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;
import java.util.Set;

@Rule(
        id = "egress-open",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "Egress goes to declared destinations, not to the whole internet",
        rationale = "Flink itself needs DNS and HTTPS (S3, STS, the Kubernetes API); anything else a job reaches "
                + "should be named (a CIDR or a namespace) so a compromised job cannot exfiltrate data anywhere.",
        remediation = "Give each spec.egress entry a cidr or a namespace.",
        parameters = {"allowedOpenPorts=53,443,6443: ports that may go to any destination (DNS, HTTPS for S3 and STS, the Kubernetes API)"})
public final class EgressOpen extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        for (String port : value.split(",", -1)) {
            try {
                int p = Integer.parseInt(port.trim());
                if (p < 1 || p > 65535) {
                    return Optional.of("port " + p + " is outside 1-65535");
                }
            } catch (NumberFormatException e) {
                return Optional.of("'" + value + "' is not a comma-separated list of port numbers");
            }
        }
        return Optional.empty();
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!"NetworkPolicy".equals(t.kind())) {
            return;
        }
        Set<String> allowed = Set.of(r.param("allowedOpenPorts").split("\\s*,\\s*"));
        JsonNode rules = t.spec().path("egress");
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            boolean open = !rule.has("to") || rule.path("to").isEmpty();
            for (JsonNode peer : rule.path("to")) {
                open |= "0.0.0.0/0".equals(peer.path("ipBlock").path("cidr").asText()) && !peer.path("ipBlock").has("except");
            }
            if (!open) {
                continue;
            }
            if (!rule.has("ports")) {
                r.report("/spec/egress/" + i, "NetworkPolicy allows egress to any destination on any port");
                continue;
            }
            for (JsonNode port : rule.path("ports")) {
                if (!allowed.contains(port.path("port").asText())) {
                    r.report("/spec/egress/" + i, "NetworkPolicy allows egress to any destination on port " + port.path("port").asText());
                }
            }
        }
    }
}
