package io.flinkops.compiler.check.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuantityInvalidTest {
    private static final String RULE = "k8s-quantity-invalid";

    @Test
    void quantitiesTheApiServerParsesAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: q, namespace: jobs}
                spec:
                  hard: {requests.cpu: "32", requests.memory: 128Gi, limits.cpu: 64, pods: "100", nvidia.com/gpu: 1, count/jobs.batch: 5}
                ---
                apiVersion: v1
                kind: LimitRange
                metadata: {name: l, namespace: jobs}
                spec:
                  limits:
                    - {type: Container, max: {cpu: "4", memory: 8Gi}, default: {cpu: 500m, memory: 1.5Gi}, maxLimitRequestRatio: {cpu: 2}}
                ---
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: s, namespace: jobs}
                spec:
                  template:
                    spec:
                      containers: [{name: c, image: x, resources: {requests: {cpu: 0.25, memory: 1e9}, limits: {memory: null}}}]
                  volumeClaimTemplates:
                    - metadata: {name: data}
                      spec: {resources: {requests: {storage: 10Gi}}}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c, namespace: jobs}
                data: {cpu: lots of it}
                """);
    }

    /** The FlinkDeployment's own pod template is typed integer-or-string by its CRD: that is another rule's. */
    @Test
    void eachPlaceAKindHoldsQuantitiesIsChecked() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: q, namespace: jobs}
                spec:
                  hard:
                    # expect: k8s-quantity-invalid
                    requests.cpu: 32 cores
                ---
                apiVersion: v1
                kind: LimitRange
                metadata: {name: l, namespace: jobs}
                spec:
                  limits:
                    - type: Container
                      defaultRequest:
                        # expect: k8s-quantity-invalid
                        memory: 128GB
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: p, namespace: jobs}
                spec:
                  containers:
                    - name: c
                      image: x
                      resources:
                        limits:
                          # expect: k8s-quantity-invalid
                          cpu: 1K
                  overhead:
                    # expect: k8s-quantity-invalid
                    memory: true
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: j, namespace: jobs}
                spec:
                  schedule: "@daily"
                  jobTemplate:
                    spec:
                      template:
                        spec:
                          initContainers:
                            - name: i
                              image: x
                              resources:
                                requests:
                                  # expect: k8s-quantity-invalid
                                  ephemeral-storage: 2 Gi
                          volumes:
                            - name: v
                              emptyDir:
                                # expect: k8s-quantity-invalid
                                sizeLimit: 1gi
                ---
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata: {name: c, namespace: jobs}
                spec:
                  resources:
                    requests:
                      # expect: k8s-quantity-invalid
                      storage: {size: 10Gi}
                ---
                """ + Fixtures.rawDeployment(Fixtures.RESOURCES
                        + "  podTemplate: {spec: {containers: [{name: sidecar, resources: {limits: {cpu: 1K}}}]}}\n"));
        assertEquals("ResourceQuota/jobs/q: spec.hard.requests.cpu: '32 cores' is not a Kubernetes quantity: the API server"
                + " refuses the object", found.get(0).message());
        assertEquals("Pod/jobs/p: spec.overhead.memory: a boolean is not a Kubernetes quantity: the API server refuses the object",
                found.get(3).message());
        assertEquals("PersistentVolumeClaim/jobs/c: spec.resources.requests.storage: a mapping or list is not a Kubernetes"
                + " quantity: the API server refuses the object", found.get(6).message());
    }
}
