package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.EnvironmentView;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.List;

/** Reading NetworkPolicies among the emitted objects. */
final class NetworkPolicies {
    private NetworkPolicies() {}

    static List<EmittedObject> in(EnvironmentView view, String namespace) {
        return view.inNamespace("NetworkPolicy", namespace);
    }

    /** A policy that selects every pod, covers both directions and allows nothing. */
    static boolean isDefaultDeny(JsonNode np) {
        JsonNode spec = np.path("spec");
        JsonNode selector = spec.path("podSelector");
        boolean all = selector.isObject() && selector.path("matchLabels").isEmpty() && selector.path("matchExpressions").isEmpty();
        return all && lists(spec.path("policyTypes"), "Ingress") && lists(spec.path("policyTypes"), "Egress")
                && spec.path("ingress").isEmpty() && spec.path("egress").isEmpty();
    }

    private static boolean lists(JsonNode array, String value) {
        for (JsonNode v : array) {
            if (value.equals(v.asText(null))) {
                return true;
            }
        }
        return false;
    }

    /** True when some policy lets pods leave the namespace on one of {@code ports} (TCP). */
    static boolean allowsEgressPort(List<EmittedObject> policies, int... ports) {
        for (EmittedObject np : policies) {
            for (JsonNode rule : np.object().path("spec").path("egress")) {
                if (!rule.has("ports")) {
                    return true;
                }
                for (JsonNode p : rule.path("ports")) {
                    for (int port : ports) {
                        if (p.path("port").asInt(-1) == port) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }

    static boolean namespaceWorkload(EmittedObject o) {
        return o.apiVersion().startsWith("flink.apache.org/") && (o.kind().equals("FlinkDeployment") || o.kind().equals("FlinkSessionJob"));
    }
}
