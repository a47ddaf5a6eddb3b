package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodTemplateResourcesInvalidTest {
    private static final String RULE = "pod-template-resources-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnASidecarQuantityKubernetesCannotParse() {
        PolicyCase.deployment()
                .change("          env:", "          resources: {limits: {ephemeral-storage: 2 Gi}}\n          env:", RULE)
                .check(dir, RULE);
    }

    @Test
    void quantitiesNamesAndLimitsKubernetesAcceptsAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", template("""
                        - name: flink-main-container
                          resources:
                            requests: {ephemeral-storage: 1Gi, nvidia.com/gpu: 1, hugepages-2Mi: 64Mi}
                            limits: {ephemeral-storage: 2Gi, nvidia.com/gpu: "1", hugepages-2Mi: 64Mi}
                        - name: log-shipper
                          resources:
                            requests: {cpu: 0.25, memory: 64Mi, example.com/dongle: 2}
                            limits: {cpu: 500m, memory: 0.125Gi, example.com/dongle: 2}
                        - name: placeholder
                          resources: {limits: {cpu: "${SIDECAR_CPU}"}}
                """, ""));
    }

    /**
     * Flink sets the main container's cpu and memory from spec.*.resource, and the operator its ephemeral
     * storage where the component's resource names it: what the template says there never reaches Kubernetes.
     */
    @Test
    void whatFlinkSetsOnTheMainContainerIsNotChecked() {
        RuleTester.forRule(RULE).raw("1.10.0", template("""
                        - name: flink-main-container
                          resources:
                            requests: {cpu: 4, memory: lots, ephemeral-storage: 2 Gi}
                            limits: {cpu: 2, memory: 1gb, ephemeral-storage: 1Gi}
                """, "jobManager: {resource: {memory: 1g, cpu: 0.5, ephemeralStorage: 5Gi}}\n"
                + "  taskManager: {resource: {memory: 1g, cpu: 0.5, ephemeralStorage: 5Gi}}\n"));
    }

    @Test
    void eachKindOfMistakeIsNamedWhereItWasWritten() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", template("""
                        - name: flink-main-container
                          resources:
                            requests:
                              # expect: pod-template-resources-invalid
                              ephemeral-storage: 1K
                              # expect: pod-template-resources-invalid
                              cpus: 1
                        - name: log-shipper
                          resources:
                            requests:
                              # expect: pod-template-resources-invalid
                              cpu: "2"
                              # expect: pod-template-resources-invalid
                              nvidia.com/gpu: 1
                              # expect: pod-template-resources-invalid
                              hugepages-1Gi: 2Gi
                            limits:
                              cpu: 1
                              # expect: pod-template-resources-invalid
                              memory: -64Mi
                              hugepages-1Gi: 1Gi
                """, ""));
        assertEquals(List.of(
                "container flink-main-container resources.requests.ephemeral-storage '1K' is not a Kubernetes quantity (such as"
                        + " 500m, 2Gi or 10G): Kubernetes refuses the operator's pods and the job never starts",
                "container flink-main-container resources.requests names 'cpus', not a resource Kubernetes knows for containers"
                        + " (cpu, memory, ephemeral-storage, hugepages-<size>, or a domain-qualified name): Kubernetes refuses the"
                        + " operator's pods and the job never starts",
                "container log-shipper resources.requests.cpu 2 is above its limit 1: Kubernetes refuses the operator's pods and the job"
                        + " never starts",
                "container log-shipper resources.requests.nvidia.com/gpu has no limit, which Kubernetes requires of a resource it"
                        + " cannot overcommit: Kubernetes refuses the operator's pods and the job never starts",
                "container log-shipper resources.requests.hugepages-1Gi 2Gi differs from its limit 1Gi: Kubernetes refuses the"
                        + " operator's pods and the job never starts",
                "container log-shipper resources.limits.memory is negative (-64Mi): Kubernetes refuses the operator's pods and the job"
                        + " never starts"),
                found.stream().map(d -> d.message().substring(d.message().indexOf(": ") + 2)).toList());
    }

    /**
     * A request and its limit from two templates meet in the pod the operator's merge makes: the TaskManagers'
     * log shipper asks for more memory than the shared template's limit, which Kubernetes refuses; a GPU
     * request in the TaskManager template whose limit the shared template sets is whole.
     */
    @Test
    void aRequestIsComparedWithTheLimitTheMergeGivesIt() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          resources: {limits: {nvidia.com/gpu: 1}}
                        - name: log-shipper
                          image: fluent/fluent-bit:3.0
                          resources: {limits: {memory: 128Mi}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: flink-main-container
                            resources: {requests: {nvidia.com/gpu: 1}}
                          - name: log-shipper
                            resources:
                              requests:
                                # expect: pod-template-resources-invalid
                                memory: 256Mi
                """));
        assertEquals(List.of("container log-shipper resources.requests.memory 256Mi is above its limit 128Mi (set by spec.podTemplate"
                + " containers[1], which the operator merges with it): Kubernetes refuses the operator's pods and the job never starts"),
                found.stream().map(d -> d.message().substring(d.message().indexOf(": ") + 2)).toList());
    }

    /**
     * Extended resources come in whole units, huge pages in whole pages of their size, and huge pages only beside
     * cpu or memory (Kubernetes' ValidateResourceRequirements).
     */
    @Test
    void wholeUnitsAndHugePagesBesideCpuOrMemory() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", template("""
                        - name: flink-main-container
                          resources:
                            requests: {hugepages-2Mi: 64Mi}
                            limits: {hugepages-2Mi: 64Mi}
                        - name: inference
                          image: nvcr.io/nvidia/tritonserver:24.05-py3
                          resources:
                            requests:
                              # expect: pod-template-resources-invalid
                              nvidia.com/gpu: "0.5"
                              # expect: pod-template-resources-invalid
                              hugepages-2Mi: 3Mi
                            # expect: pod-template-resources-invalid
                            limits: {nvidia.com/gpu: 1, hugepages-2Mi: 3Mi}
                        - name: exporter
                          image: prom/node-exporter:v1.8.1
                          resources:
                            # expect: pod-template-resources-invalid
                            limits: {cpu: 100m, NVIDIA.com/gpu: 1}
                """, ""));
        assertEquals(List.of(
                "container inference resources.requests.nvidia.com/gpu 0.5 differs from its limit 1: Kubernetes refuses the operator's"
                        + " pods and the job never starts",
                "container inference resources.requests.nvidia.com/gpu is 0.5; an extended resource comes in whole units:"
                        + " Kubernetes refuses the operator's pods and the job never starts",
                "container inference asks for huge pages without cpu or memory, which Kubernetes requires beside them: Kubernetes"
                        + " refuses the operator's pods and the job never starts",
                "container inference resources.requests.hugepages-2Mi is 3Mi, not a positive whole number of 2Mi pages: Kubernetes"
                        + " refuses the operator's pods and the job never starts",
                "container inference resources.limits.hugepages-2Mi is 3Mi, not a positive whole number of 2Mi pages: Kubernetes"
                        + " refuses the operator's pods and the job never starts",
                "container exporter resources.limits names 'NVIDIA.com/gpu', not an extended resource name (a lower-case domain,"
                        + " '/', and a name of letters, digits, '-', '_' or '.'): Kubernetes refuses the operator's pods and the job"
                        + " never starts"),
                found.stream().map(d -> d.message().substring(d.message().indexOf(": ") + 2)).toList());
    }

    private static String template(String containers, String components) {
        return Fixtures.rawDeployment((components.isEmpty() ? Fixtures.RESOURCES : "  " + components)
                + "  podTemplate:\n    spec:\n      containers:\n" + containers.indent(4));
    }
}
