package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class LastStateWithoutHaTest {
    private final RuleTester tester = RuleTester.forRule("operator-last-state-without-ha");

    private static final String LAST_STATE = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: last-state
            spec:
              flinkVersion: v1_17
              flinkConfiguration:
                state.checkpoints.dir: s3://bucket/cp
                %s
              job:
                jarURI: local:///job.jar
                parallelism: 1
                %s
                upgradeMode: last-state
            """;

    @Test
    void operator17RequiresHa() {
        tester.raw("1.7.0", LAST_STATE.formatted("high-availability.type: none", "# expect: operator-last-state-without-ha"));
    }

    @Test
    void operator110DoesNot() {
        tester.raw("1.10.0", LAST_STATE.formatted("high-availability.type: none", "# fine on 1.10"));
    }

    @Test
    void legacyHaKeyCounts() {
        tester.raw("1.7.0", LAST_STATE.formatted("high-availability: org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory", "# HA on"));
    }
}
