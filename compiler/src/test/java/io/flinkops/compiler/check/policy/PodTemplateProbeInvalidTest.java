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

class PodTemplateProbeInvalidTest {
    private static final String RULE = "pod-template-probe-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnALivenessProbeThatMustSucceedTwice() {
        PolicyCase.deployment()
                .change("          env:", "          # expect: pod-template-probe-invalid\n"
                        + "          livenessProbe: {httpGet: {path: /overview, port: 8081}, successThreshold: 2}\n          env:", RULE)
                .check(dir, RULE);
    }

    /** Probes as the operator's documentation and public manifests write them, and one the merge completes. */
    @Test
    void probesKubernetesTakesAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          livenessProbe: {tcpSocket: {port: 6123}, initialDelaySeconds: 30, periodSeconds: 60}
                          readinessProbe: {httpGet: {path: /config, port: rest, scheme: HTTPS}, successThreshold: 3}
                          startupProbe: {exec: {command: [cat, /tmp/ready]}, failureThreshold: 30}
                        - name: sidecar
                          image: busybox:1.36
                          livenessProbe: {periodSeconds: 5}
                          readinessProbe: {grpc: {port: 9090}}
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: flink-main-container
                          - name: sidecar
                            livenessProbe: {httpGet: {port: "${HEALTH_PORT}"}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container}
                          - {name: sidecar, livenessProbe: {exec: {command: [true]}}}
                """));
    }

    /**
     * The operator merges a component's probe into the shared one key by key (checked with operator 1.7.0's
     * FlinkUtils.mergePodTemplates): the TaskManagers' exec liveness probe joins the shared httpGet one, and
     * the pods get a probe with two handlers; the JobManager pod, whose template sets only a period, keeps
     * the shared handler.
     */
    @Test
    void aComponentsHandlerJoinsTheSharedOne() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          livenessProbe: {httpGet: {path: /overview, port: 8081}}
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container, livenessProbe: {periodSeconds: 30}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: flink-main-container
                            livenessProbe:
                              # expect: pod-template-probe-invalid
                              exec: {command: [pgrep, java]}
                """));
        assertEquals(List.of("spec.taskManager.podTemplate containers[0] (flink-main-container, merged over spec.podTemplate"
                + " containers[0]) livenessProbe has more than one handler (exec, httpGet)"), PodTemplateInvalidTest.reasons(found));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          livenessProbe:
                            httpGet:
                              port: 8081
                              # expect: pod-template-probe-invalid
                              scheme: http
                            # expect: pod-template-probe-invalid
                            initialDelaySeconds: -5
                          # expect: pod-template-probe-invalid
                          readinessProbe: {periodSeconds: 10}
                          startupProbe:
                            # expect: pod-template-probe-invalid
                            tcpSocket: {port: 0}
                            # expect: pod-template-probe-invalid
                            successThreshold: 3
                        - name: sidecar
                          image: busybox:1.36
                          livenessProbe:
                            exec: {command: [true]}
                            # expect: pod-template-probe-invalid
                            httpGet: {port: 8080}
                          # expect: pod-template-probe-invalid
                          readinessProbe: {tcpSocket: {port: metrics-prometheus}}
                """ + Fixtures.RESOURCES));
        assertEquals(List.of(
                "spec.podTemplate containers[0] (flink-main-container) livenessProbe httpGet scheme 'http' is not HTTP or HTTPS",
                "spec.podTemplate containers[0] (flink-main-container) livenessProbe initialDelaySeconds is -5, below 0",
                "spec.podTemplate containers[0] (flink-main-container) readinessProbe has no handler (exec, httpGet, tcpSocket or grpc)",
                "spec.podTemplate containers[0] (flink-main-container) startupProbe tcpSocket port 0 is not between 1 and 65535",
                "spec.podTemplate containers[0] (flink-main-container) startupProbe successThreshold is 3; a startupProbe takes only 1",
                "spec.podTemplate containers[1] (sidecar) livenessProbe has more than one handler (exec, httpGet)",
                "spec.podTemplate containers[1] (sidecar) readinessProbe tcpSocket port metrics-prometheus is not a port name (at most"
                        + " 15 lower-case letters, digits and single '-', with a letter)"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * Lifecycle hooks take one handler as probes do, a sleep no longer than the pod's grace period, and an init
     * container that runs to completion takes neither probes nor hooks (Kubernetes' validateLifecycle,
     * validateSleepAction and validateInitContainers).
     */
    @Test
    void hooksAndInitContainersAreJudged() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          lifecycle:
                            # expect: pod-template-probe-invalid
                            preStop: {sleep: {seconds: 60}}
                            # expect: pod-template-probe-invalid
                            postStart: {}
                        - name: sidecar
                          image: busybox:1.36
                          # expect: pod-template-probe-invalid
                          livenessProbe: {exec: {command: []}}
                      initContainers:
                        - name: fetch-jar
                          image: amazon/aws-cli:2.15.0
                          # expect: pod-template-probe-invalid
                          readinessProbe: {exec: {command: [true]}}
                        - name: log-shipper
                          image: fluent/fluent-bit:3.0
                          restartPolicy: Always
                          lifecycle: {preStop: {sleep: {seconds: 5}}}
                          livenessProbe: {tcpSocket: {port: 2020}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        terminationGracePeriodSeconds: 120
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] (flink-main-container) lifecycle.preStop, in the JobManager pod, sleeps 60 seconds,"
                        + " not between 0 and the pod's terminationGracePeriodSeconds (30)",
                "spec.podTemplate containers[0] (flink-main-container) lifecycle.postStart has no handler (exec, httpGet, tcpSocket"
                        + " or sleep)",
                "spec.podTemplate containers[1] (sidecar) livenessProbe exec has no command",
                "spec.podTemplate initContainers[0] (fetch-jar) readinessProbe is set, but an init container takes none unless"
                        + " its restartPolicy is Always (a sidecar)"),
                PodTemplateInvalidTest.reasons(found));
    }

    /** A probe's header names are HTTP token names: letters, digits and '-'. */
    @Test
    void probeHeaderNamesAreHttpNames() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          readinessProbe:
                            httpGet:
                              path: /overview
                              port: rest
                              # expect: pod-template-probe-invalid
                              httpHeaders: [{name: X-Probe, value: k8s}, {name: X-Probe_Id, value: "1"}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of("spec.podTemplate containers[0] (flink-main-container) readinessProbe httpGet header name 'X-Probe_Id'"
                        + " is not an HTTP header name (letters, digits and '-')"),
                PodTemplateInvalidTest.reasons(found));
    }

    /** A probe's own grace period is 1 or more, and a readinessProbe has none. */
    @Test
    void probeGracePeriods() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          livenessProbe:
                            tcpSocket: {port: 6123}
                            # expect: pod-template-probe-invalid
                            terminationGracePeriodSeconds: 0
                          readinessProbe:
                            tcpSocket: {port: 6123}
                            # expect: pod-template-probe-invalid
                            terminationGracePeriodSeconds: 10
                          startupProbe: {tcpSocket: {port: 6123}, terminationGracePeriodSeconds: 10}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] (flink-main-container) livenessProbe terminationGracePeriodSeconds is 0; it must be 1"
                        + " or more",
                "spec.podTemplate containers[0] (flink-main-container) readinessProbe sets terminationGracePeriodSeconds, which a"
                        + " readinessProbe does not take"),
                PodTemplateInvalidTest.reasons(found));
    }
}
