package io.flinkops.compiler.check.operator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityUnreadableTest {
    private final RuleTester tester = RuleTester.forRule("operator-quantity-unreadable");

    /**
     * A placeholder glued to a quantity, in any template and in Flink's own container too (the operator reads the
     * template before Flink sets anything), an empty quantity, an exponent with a unit.
     */
    @Test
    void firesOnQuantitiesTheOperatorCannotRead() {
        List<Diagnostic> found = tester.raw("1.7.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          resources:
                            # expect: operator-quantity-unreadable
                            limits: {memory: __TM_MEMORY__2Gi}
                      volumes:
                        # expect: operator-quantity-unreadable
                        - {name: scratch, emptyDir: {sizeLimit: ""}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        initContainers:
                          - name: fetch
                            image: busybox:1.36
                            resources:
                              # expect: operator-quantity-unreadable
                              requests: {cpu: 1e3m}
                            env:
                              # expect: operator-quantity-unreadable
                              - {name: CPU, valueFrom: {resourceFieldRef: {resource: limits.cpu, divisor: "%MEM%1m"}}}
                """));
        assertEquals("FlinkDeployment/jobs/app: spec.podTemplate.spec.containers[0].resources.limits.memory '__TM_MEMORY__2Gi' is"
                + " a quantity the operator's Kubernetes model cannot read (\"Invalid quantity string format\")", found.get(0).message());
    }

    /** What fabric8's reader takes: Kubernetes quantities, numbers, placeholders that stand alone, and some nonsense. */
    @Test
    void quietOnWhatTheOperatorReads() {
        tester.raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          resources:
                            requests: {memory: "${TM_MEMORY}", cpu: 2, ephemeral-storage: 4e9}
                            limits: {memory: 2 Gi, nvidia.com/gpu: 1}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertTrue(QuantityUnreadable.readable("{{ .Values.memory }}"));
        assertFalse(QuantityUnreadable.readable("%MEM%2Gi"));
    }
}
