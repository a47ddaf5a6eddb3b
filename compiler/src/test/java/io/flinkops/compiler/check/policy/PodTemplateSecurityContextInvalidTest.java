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

class PodTemplateSecurityContextInvalidTest {
    private static final String RULE = "pod-template-security-context-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnASeccompProfileInTheAnnotationsSpelling() {
        PolicyCase.deployment()
                .change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-s3-fs-hadoop-1.17.2.jar\n"
                        + "      securityContext:\n        # expect: pod-template-security-context-invalid\n"
                        + "        seccompProfile: {type: runtime/default}")
                .check(dir, RULE);
    }

    /** Security contexts as hardened EKS clusters ask for them: Flink's user, no escalation, RuntimeDefault. */
    @Test
    void hardenedContextsAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      securityContext:
                        runAsUser: 9999
                        runAsGroup: 9999
                        fsGroup: 9999
                        fsGroupChangePolicy: OnRootMismatch
                        runAsNonRoot: true
                        supplementalGroups: [0, 65534]
                        seccompProfile: {type: RuntimeDefault}
                        sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "600"}, {name: kernel.shm_rmid_forced, value: "1"}]
                      containers:
                        - name: flink-main-container
                          securityContext:
                            allowPrivilegeEscalation: false
                            readOnlyRootFilesystem: false
                            capabilities: {drop: [ALL]}
                            seccompProfile: {type: Localhost, localhostProfile: profiles/flink.json}
                        - name: debug
                          image: busybox:1.36
                          securityContext: {privileged: true, capabilities: {add: [CAP_SYS_ADMIN]}, procMount: Default}
                        - name: builder
                          image: moby/buildkit:v0.13.0-rootless
                          securityContext: {procMount: Unmasked, seccompProfile: {type: Unconfined}}
                      hostUsers: false
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  flinkConfiguration: {kubernetes.hostnetwork.enabled: "true"}
                  podTemplate:
                    spec:
                      hostPID: true
                      # expect: pod-template-security-context-invalid
                      shareProcessNamespace: true
                      securityContext:
                        # expect: pod-template-security-context-invalid
                        runAsUser: -1
                        supplementalGroups:
                          - 1000
                          # expect: pod-template-security-context-invalid
                          - 4294967296
                        # expect: pod-template-security-context-invalid
                        fsGroupChangePolicy: onRootMismatch
                        sysctls:
                          # expect: pod-template-security-context-invalid
                          - {name: net.core.somaxconn, value: "1024"}
                          # expect: pod-template-security-context-invalid
                          - {name: "kernel shm", value: "1"}
                        appArmorProfile:
                          # expect: pod-template-security-context-invalid
                          type: Localhost
                      containers:
                        - name: flink-main-container
                          securityContext:
                            # expect: pod-template-security-context-invalid
                            allowPrivilegeEscalation: false
                            privileged: true
                            # expect: pod-template-security-context-invalid
                            procMount: unmasked
                            seccompProfile:
                              type: RuntimeDefault
                              # expect: pod-template-security-context-invalid
                              localhostProfile: flink.json
                        - name: sidecar
                          image: busybox:1.36
                          securityContext:
                            # expect: pod-template-security-context-invalid
                            procMount: Unmasked
                            # expect: pod-template-security-context-invalid
                            seccompProfile: {type: Localhost, localhostProfile: ../../etc/profile.json}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate shareProcessNamespace is true with hostPID: a pod shares its process namespace or the host's, not"
                        + " both",
                "spec.podTemplate securityContext.runAsUser is -1, not between 0 and 2147483647",
                "spec.podTemplate securityContext.supplementalGroups[1] is 4294967296, not between 0 and 2147483647",
                "spec.podTemplate securityContext.fsGroupChangePolicy is 'onRootMismatch', not one of Always, OnRootMismatch",
                "spec.podTemplate securityContext.sysctls[0] sets net.core.somaxconn, of the network namespace, on the host network"
                        + " (kubernetes.hostnetwork.enabled)",
                "spec.podTemplate securityContext.sysctls[1] name 'kernel shm' is not a sysctl name",
                "spec.podTemplate securityContext.appArmorProfile.type is Localhost without a localhostProfile",
                "spec.podTemplate containers[0] (flink-main-container) securityContext.allowPrivilegeEscalation is false with"
                        + " privileged: true; Kubernetes takes neither together",
                "spec.podTemplate containers[0] (flink-main-container) securityContext.procMount is 'unmasked', not one of Default,"
                        + " Unmasked",
                "spec.podTemplate containers[0] (flink-main-container) securityContext.seccompProfile.localhostProfile is set with"
                        + " type RuntimeDefault; only Localhost takes one",
                "spec.podTemplate containers[1] (sidecar) securityContext.procMount is Unmasked in a pod that does not set"
                        + " hostUsers: false",
                "spec.podTemplate containers[1] (sidecar) securityContext.seccompProfile.localhostProfile '../../etc/profile.json'"
                        + " is not a relative path below the kubelet's seccomp folder (no leading '/', no '..')"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * A security context is merged key into key: the TaskManagers' privileged: true laid over the shared
     * allowPrivilegeEscalation: false makes a container Kubernetes refuses, named at what the TaskManager template wrote.
     */
    @Test
    void aComponentsPrivilegeMeetsTheSharedEscalation() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          securityContext: {allowPrivilegeEscalation: false, capabilities: {drop: [ALL]}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: flink-main-container
                            securityContext:
                              # expect: pod-template-security-context-invalid
                              privileged: true
                """));
        assertEquals(List.of("spec.taskManager.podTemplate containers[0] (flink-main-container) securityContext.privileged is set"
                        + " with allowPrivilegeEscalation: false from spec.podTemplate containers[0] (flink-main-container)"
                        + " securityContext.allowPrivilegeEscalation; Kubernetes takes neither together"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * A pod in its own user namespace (hostUsers: false) shares none of the host's: Flink's host network
     * (kubernetes.hostnetwork.enabled) and a template's hostPID are refused with it. A pod shares its process
     * namespace or the host's, security context or not.
     */
    @Test
    void aPodOfItsOwnUsersSharesNoHostNamespace() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  flinkConfiguration: {kubernetes.hostnetwork.enabled: "true"}
                  podTemplate:
                    spec:
                      # expect: pod-template-security-context-invalid
                      hostUsers: false
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        hostPID: true
                        # expect: pod-template-security-context-invalid
                        shareProcessNamespace: true
                """));
        assertEquals(List.of(
                "spec.podTemplate hostUsers is false on the host network (kubernetes.hostnetwork.enabled): a pod in its own user"
                        + " namespace shares no namespace with the host",
                "spec.podTemplate hostUsers, in the TaskManager pods, is false with hostPID: a pod in its own user namespace shares"
                        + " no namespace with the host",
                "spec.taskManager.podTemplate shareProcessNamespace is true with hostPID: a pod shares its process namespace or the"
                        + " host's, not both"),
                PodTemplateInvalidTest.reasons(found));
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate: {spec: {hostUsers: false}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
    }

    /**
     * A Windows pod takes none of the Linux-only security settings, and a Linux pod no windowsOptions: the
     * TaskManager template's os.name makes the shared windowsOptions a Linux pod's.
     */
    @Test
    void eachSystemsSettingsInItsOwnPods() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      os: {name: windows}
                      hostPID: false
                      securityContext:
                        # expect: pod-template-security-context-invalid
                        runAsUser: 9999
                        sysctls: []
                        # expect: pod-template-security-context-invalid
                        windowsOptions: {runAsUserName: ContainerUser}
                      containers:
                        - name: flink-main-container
                          securityContext:
                            # expect: pod-template-security-context-invalid
                            readOnlyRootFilesystem: true
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        os: {name: linux}
                        containers:
                          - name: flink-main-container
                            securityContext:
                              # expect: pod-template-security-context-invalid
                              windowsOptions: {hostProcess: false}
                """));
        assertEquals(List.of(
                "spec.podTemplate securityContext.runAsUser, in the JobManager pod, is set in a pod whose os.name is windows; Kubernetes"
                        + " takes it on Linux pods only",
                "spec.podTemplate securityContext.windowsOptions, in the TaskManager pods, is set in a pod whose os.name is linux",
                "spec.podTemplate containers[0] (flink-main-container) securityContext.readOnlyRootFilesystem, in the JobManager pod, is"
                        + " set in a pod whose os.name is windows; Kubernetes takes it on Linux pods only",
                "spec.taskManager.podTemplate containers[0] (flink-main-container) securityContext.windowsOptions is set in a pod whose"
                        + " os.name is linux"),
                PodTemplateInvalidTest.reasons(found));
    }
}
