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

class PodTemplateSpecInvalidTest {
    private static final String RULE = "pod-template-spec-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnADnsPolicyInLowerCase() {
        PolicyCase.deployment()
                .change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-s3-fs-hadoop-1.17.2.jar\n"
                        + "      # expect: pod-template-spec-invalid\n      dnsPolicy: clusterFirst")
                .check(dir, RULE);
    }

    /** Pod-level fields as EKS users write them: a priority class, DNS options for ndots, host aliases, a sidecar. */
    @Test
    void podFieldsKubernetesTakesAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      restartPolicy: Always
                      priorityClassName: flink-critical
                      preemptionPolicy: PreemptLowerPriority
                      dnsPolicy: ClusterFirst
                      dnsConfig:
                        options: [{name: ndots, value: "2"}]
                        searches: [flink.svc.cluster.local, corp.example.com., _tcp.example.com]
                      hostAliases:
                        - {ip: 10.0.0.12, hostnames: [kafka-0.internal, kafka-1.internal]}
                        - {ip: "fd00::12", hostnames: [schema-registry.internal]}
                      readinessGates: [{conditionType: example.com/ready}]
                      os: {name: linux}
                      runtimeClassName: "${RUNTIME_CLASS}"
                      initContainers:
                        - {name: fetch-jar, image: amazon/aws-cli:2.15.0, terminationMessagePolicy: FallbackToLogsOnError}
                        - {name: log-shipper, image: fluent/fluent-bit:3.0, restartPolicy: Always}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        activeDeadlineSeconds: 86400
                        dnsPolicy: None
                        dnsConfig: {nameservers: [169.254.20.10]}
                """));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      dnsPolicy: None
                      dnsConfig:
                        nameservers:
                          # expect: pod-template-spec-invalid
                          - 10.0.0.300
                        searches:
                          # expect: pod-template-spec-invalid
                          - Corp.Example.com
                        # expect: pod-template-spec-invalid
                        options: [{value: "2"}]
                      # expect: pod-template-spec-invalid
                      hostname: flink_jm
                      # expect: pod-template-spec-invalid
                      priorityClassName: Flink-Critical
                      # expect: pod-template-spec-invalid
                      preemptionPolicy: never
                      hostAliases:
                        # expect: pod-template-spec-invalid
                        - {ip: kafka.internal, hostnames: [kafka]}
                      schedulingGates:
                        - {name: example.com/quota}
                        # expect: pod-template-spec-invalid
                        - {name: example.com/quota}
                      # expect: pod-template-spec-invalid
                      os: {name: Linux}
                      containers:
                        - name: flink-main-container
                          # expect: pod-template-spec-invalid
                          terminationMessagePolicy: fallbackToLogsOnError
                        - name: sidecar
                          image: busybox:1.36
                          # expect: pod-template-spec-invalid
                          restartPolicy: Always
                      initContainers:
                        - name: setup
                          image: busybox:1.36
                          # expect: pod-template-spec-invalid
                          restartPolicy: OnFailure
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate dnsConfig.nameservers[0] '10.0.0.300' is not an IP address",
                "spec.podTemplate dnsConfig.searches[0] 'Corp.Example.com' is not a DNS name",
                "spec.podTemplate dnsConfig.options[0] has no name",
                "spec.podTemplate hostname 'flink_jm' is not a DNS label (lower-case letters, digits and '-', at most 63)",
                "spec.podTemplate priorityClassName 'Flink-Critical' is not a DNS subdomain (lower-case letters, digits, '-' and"
                        + " '.')",
                "spec.podTemplate preemptionPolicy is 'never', not PreemptLowerPriority or Never",
                "spec.podTemplate hostAliases[0] ip 'kafka.internal' is not an IP address",
                "spec.podTemplate schedulingGates[1] repeats scheduling gate 'example.com/quota'",
                "spec.podTemplate os.name is 'Linux', not linux or windows",
                "spec.podTemplate containers[0] (flink-main-container) has terminationMessagePolicy 'fallbackToLogsOnError', not"
                        + " File or FallbackToLogsOnError",
                "spec.podTemplate containers[1] (sidecar) sets restartPolicy, which only init containers take (restartPolicy:"
                        + " Always makes one a sidecar)",
                "spec.podTemplate initContainers[0] (setup) has restartPolicy 'OnFailure'; an init container takes only Always"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * Flink keeps a template's restartPolicy on the JobManager's Deployment (its decorator only logs that it overrides
     * it) and sets Never on native TaskManager pods itself (checked with Flink 1.17.1's KubernetesJobManagerFactory and
     * KubernetesTaskManagerFactory); the operator's standalone TaskManagers are a Deployment too.
     */
    @Test
    void aDeploymentsPodsTakeOnlyAlwaysAndNoDeadline() {
        String template = """
                  podTemplate:
                    spec:
                      # expect: pod-template-spec-invalid
                      restartPolicy: Never
                      # expect: pod-template-spec-invalid
                      activeDeadlineSeconds: 3600
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """;
        assertEquals(List.of(
                "spec.podTemplate restartPolicy is 'Never', but the JobManager runs as a Deployment, whose pods take only Always",
                "spec.podTemplate activeDeadlineSeconds is set, but the JobManager runs as a Deployment, whose pods may not have"
                        + " one"),
                PodTemplateInvalidTest.reasons(RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment(template))));
        List<Diagnostic> standalone = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment(
                template.replaceFirst("(?m)^  podTemplate:$", "  mode: standalone\n  podTemplate:")));
        assertEquals(List.of(
                "spec.podTemplate restartPolicy is 'Never', but the JobManager runs as a Deployment, whose pods take only Always",
                "spec.podTemplate restartPolicy is 'Never', but the TaskManagers run as a Deployment in standalone mode, whose"
                        + " pods take only Always",
                "spec.podTemplate activeDeadlineSeconds is set, but the JobManager runs as a Deployment, whose pods may not have"
                        + " one",
                "spec.podTemplate activeDeadlineSeconds is set, but the TaskManagers run as a Deployment in standalone mode, whose"
                        + " pods may not have one"),
                PodTemplateInvalidTest.reasons(standalone));
    }

    /** With kubernetes.hostnetwork.enabled Flink sets the pods' dnsPolicy itself, so the template's is not theirs. */
    @Test
    void theHostNetworkSetsItsOwnDnsPolicy() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  flinkConfiguration: {kubernetes.hostnetwork.enabled: "true"}
                  podTemplate:
                    spec:
                      dnsPolicy: clusterFirst
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
    }

    /**
     * In-place resizing: cpu or memory, once each, NotRequired or RestartContainer; native TaskManagers restart no
     * container (Flink makes them restartPolicy Never), so there only NotRequired; no init container takes one.
     */
    @Test
    void resizePoliciesKubernetesTakes() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      initContainers:
                        # expect: pod-template-spec-invalid
                        - {name: fetch, image: busybox:1.36, resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]}
                      containers:
                        - name: flink-main-container
                          resizePolicy:
                            - {resourceName: cpu, restartPolicy: NotRequired}
                            # expect: pod-template-spec-invalid
                            - {resourceName: memory, restartPolicy: RestartContainer}
                            # expect: pod-template-spec-invalid
                            - {resourceName: ephemeral-storage, restartPolicy: NotRequired}
                            # expect: pod-template-spec-invalid
                            - {resourceName: cpu, restartPolicy: notRequired}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate initContainers[0] (fetch) sets resizePolicy, which init containers may not have",
                "spec.podTemplate containers[0] resizePolicy[1] restartPolicy is RestartContainer, but Flink gives the TaskManager"
                        + " pods restartPolicy Never, which takes only NotRequired",
                "spec.podTemplate containers[0] resizePolicy[2] resourceName 'ephemeral-storage' is not cpu or memory",
                "spec.podTemplate containers[0] resizePolicy[3] names cpu a second time",
                "spec.podTemplate containers[0] resizePolicy[3] restartPolicy 'notRequired' is not NotRequired or RestartContainer"),
                PodTemplateInvalidTest.reasons(found));
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  mode: standalone
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          resizePolicy: [{resourceName: memory, restartPolicy: RestartContainer}, {resourceName: cpu, restartPolicy: NotRequired}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
    }

    /** Flink names the pods' service account after spec.serviceAccount or a component's key: a DNS subdomain. */
    @Test
    void serviceAccountsAreDnsSubdomains() {
        String body = """
                  flinkConfiguration:
                    # expect: pod-template-spec-invalid
                    kubernetes.taskmanager.service-account: Flink_TM
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """;
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment(body)
                .replace("  serviceAccount: flink\n", "  # expect: pod-template-spec-invalid\n  serviceAccount: Flink\n"));
        assertEquals(List.of(
                "spec.serviceAccount 'Flink' is not a DNS subdomain (lower-case letters, digits, '-' and '.'), and Flink makes it the"
                        + " pods' serviceAccountName",
                "flinkConfiguration kubernetes.taskmanager.service-account 'Flink_TM' is not a DNS subdomain (lower-case letters,"
                        + " digits, '-' and '.'), and Flink makes it the pods' serviceAccountName"),
                PodTemplateInvalidTest.reasons(found));
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  flinkConfiguration: {kubernetes.jobmanager.service-account: flink-jm, kubernetes.taskmanager.service-account: "${TM_SA}"}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
    }
}
