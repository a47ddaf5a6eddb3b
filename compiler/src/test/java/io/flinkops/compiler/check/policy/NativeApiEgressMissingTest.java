package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeApiEgressMissingTest {
    private static final String RULE = "native-api-egress-missing";
    private static final String STREAM = """
            apiVersion: networking.k8s.io/v1
            kind: NetworkPolicy
            metadata:
              name: default-deny
              namespace: jobs
            spec:
              podSelector: {}
              policyTypes: [Ingress, Egress]
            ---
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: app
              namespace: jobs
            spec:
              flinkVersion: v1_17
              %s
              mode: %s
            """;

    @TempDir
    Path dir;

    @Test
    void firesWhenARenderedRootDeniesTheApiServer() {
        RuleTester.forRule(RULE).raw("1.10.0", STREAM.formatted("# expect: " + RULE, "native"));
    }

    @Test
    void standaloneModeNeedsNoApiAccess() {
        RuleTester.forRule(RULE).raw("1.10.0", STREAM.formatted("# standalone", "standalone"));
    }

    @Test
    void anAllowOn443IsEnough() {
        RuleTester.forRule(RULE).raw("1.10.0", STREAM.formatted("# allowed below", "native") + """
                ---
                apiVersion: networking.k8s.io/v1
                kind: NetworkPolicy
                metadata:
                  name: allow-api
                  namespace: jobs
                spec:
                  podSelector: {}
                  policyTypes: [Egress]
                  egress:
                    - ports: [{protocol: TCP, port: 443}]
                """);
    }

    @Test
    void declaredNamespacesGetTheAllow() {
        PolicyCase.deployment().check(dir, RULE);
    }
}
