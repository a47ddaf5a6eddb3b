package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ForbiddenConfigKeyTest {
    private final RuleTester tester = RuleTester.forRule("operator-forbidden-config-key");

    @Test
    void firesOnEachForbiddenKey() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: forbidden
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    # expect: operator-forbidden-config-key
                    kubernetes.namespace: other
                    # expect: operator-forbidden-config-key
                    kubernetes.cluster-id: other
                    # expect: operator-forbidden-config-key
                    high-availability.cluster-id: other
                """);
    }

    @Test
    void similarKeysAreFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: allowed
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.namespace.extra: x
                    high-availability.zookeeper.path.namespace: /x
                """);
    }
}
