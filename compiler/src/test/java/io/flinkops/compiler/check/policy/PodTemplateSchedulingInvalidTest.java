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

class PodTemplateSchedulingInvalidTest {
    private static final String RULE = "pod-template-scheduling-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnATolerationOperatorInLowerCase() {
        PolicyCase.deployment()
                .change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-s3-fs-hadoop-1.17.2.jar\n"
                        + "      tolerations:\n        # expect: pod-template-scheduling-invalid\n"
                        + "        - {key: dedicated, operator: exists, effect: NoSchedule}")
                .check(dir, RULE);
    }

    /** Scheduling as EKS users write it: Karpenter's node pool and capacity type, spot tolerations, spread by host. */
    @Test
    void schedulingKubernetesTakesIsFine() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      nodeSelector: {karpenter.sh/nodepool: flink, node.kubernetes.io/instance-type: m6i.xlarge, team: "${TEAM}"}
                      tolerations:
                        - {key: dedicated, operator: Equal, value: flink, effect: NoSchedule}
                        - {operator: Exists}
                        - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                      topologySpreadConstraints:
                        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule, minDomains: 3}
                        - {maxSkew: 2, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: ScheduleAnyway,
                           labelSelector: {matchLabels: {component: taskmanager}}}
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                              - matchExpressions:
                                  - {key: karpenter.sh/capacity-type, operator: In, values: [on-demand, spot]}
                                  - {key: kubernetes.io/arch, operator: Exists}
                                  - {key: example.com/generation, operator: Gt, values: ["5"]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 100
                              preference:
                                matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [us-east-1a]}]
                        podAntiAffinity:
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 50
                              podAffinityTerm:
                                topologyKey: kubernetes.io/hostname
                                labelSelector:
                                  matchExpressions: [{key: component, operator: In, values: [taskmanager]}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        tolerations:
                          - {key: dedicated, operator: Equal, value: flink, effect: NoSchedule}
                          - {operator: Exists}
                          - {key: node.kubernetes.io/not-ready, operator: Exists, effect: NoExecute, tolerationSeconds: 300}
                          - {key: karpenter.sh/capacity-type, operator: Equal, value: spot, effect: NoSchedule}
                """));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      nodeSelector:
                        # expect: pod-template-scheduling-invalid
                        karpenter.sh/capacity-type: on demand
                      tolerations:
                        # expect: pod-template-scheduling-invalid
                        - {key: dedicated, operator: exists}
                        # expect: pod-template-scheduling-invalid
                        - {key: dedicated, operator: Exists, value: flink}
                        # expect: pod-template-scheduling-invalid
                        - {operator: Equal, value: flink}
                        # expect: pod-template-scheduling-invalid
                        - {key: spot, effect: NoSchedule, tolerationSeconds: 60}
                        # expect: pod-template-scheduling-invalid
                        - {key: spot, effect: noschedule}
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                              - matchExpressions:
                                  # expect: pod-template-scheduling-invalid
                                  - {key: karpenter.sh/capacity-type, operator: in, values: [spot]}
                                  # expect: pod-template-scheduling-invalid
                                  - {key: kubernetes.io/arch, operator: In}
                                  - key: kubernetes.io/os
                                    operator: Exists
                                    # expect: pod-template-scheduling-invalid
                                    values: [linux]
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - preference: {matchExpressions: [{key: zone, operator: Exists}]}
                              # expect: pod-template-scheduling-invalid
                              weight: 0
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            # expect: pod-template-scheduling-invalid
                            - labelSelector: {matchExpressions: [{key: component, operator: In, values: [taskmanager]}]}
                      topologySpreadConstraints:
                        # expect: pod-template-scheduling-invalid
                        - {maxSkew: 0, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
                        - topologyKey: topology.kubernetes.io/zone
                          maxSkew: 1
                          # expect: pod-template-scheduling-invalid
                          whenUnsatisfiable: scheduleAnyway
                        - topologyKey: kubernetes.io/hostname
                          maxSkew: 1
                          whenUnsatisfiable: ScheduleAnyway
                          # expect: pod-template-scheduling-invalid
                          minDomains: 2
                        # expect: pod-template-scheduling-invalid
                        - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate nodeSelector karpenter.sh/capacity-type: 'on demand' is not a label value: at most 63 letters,"
                        + " digits, '-', '_' or '.', starting and ending with a letter or digit",
                "spec.podTemplate tolerations[0] operator 'exists' is not Equal or Exists",
                "spec.podTemplate tolerations[1] sets value 'flink' with operator Exists, which takes none",
                "spec.podTemplate tolerations[2] has no key, so its operator must be Exists (which tolerates every taint), not Equal",
                "spec.podTemplate tolerations[3] sets tolerationSeconds with effect NoSchedule: only NoExecute takes it",
                "spec.podTemplate tolerations[4] effect 'noschedule' is not NoSchedule, PreferNoSchedule or NoExecute",
                "spec.podTemplate affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[0] operator 'in' is not one of In, NotIn, Exists, DoesNotExist, Gt, Lt",
                "spec.podTemplate affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[1] has operator In and no values: it takes at least one",
                "spec.podTemplate affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[2] has operator Exists and values: it takes none",
                "spec.podTemplate affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0] weight 0 is not between 1"
                        + " and 100",
                "spec.podTemplate affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0] has no topologyKey"
                        + " (such as kubernetes.io/hostname)",
                "spec.podTemplate topologySpreadConstraints[0] has maxSkew 0: it must be 1 or more",
                "spec.podTemplate topologySpreadConstraints[1] whenUnsatisfiable 'scheduleAnyway' is not one of DoNotSchedule,"
                        + " ScheduleAnyway",
                "spec.podTemplate topologySpreadConstraints[2] sets minDomains with whenUnsatisfiable ScheduleAnyway: only"
                        + " DoNotSchedule takes it",
                "spec.podTemplate topologySpreadConstraints[3] spreads by topology.kubernetes.io/zone with DoNotSchedule as"
                        + " spec.podTemplate topologySpreadConstraints[0] does (one constraint for each pair of the two)"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * Tolerations have no names, so the operator lays a component's over the shared ones by position, key into key,
     * whatever merge-arrays-by-name says (checked with operator 1.7.0's FlinkUtils.mergePodTemplates): the
     * TaskManagers' spot toleration with Exists, first in its list, keeps the shared toleration's value.
     */
    @Test
    void aComponentsTolerationIsMergedIntoTheSharedOneAtItsPosition() {
        String template = """
                  podTemplate:
                    spec:
                      tolerations:
                        - {key: dedicated, operator: Equal, value: flink, effect: NoSchedule}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        tolerations:
                          # expect: pod-template-scheduling-invalid
                          - {key: karpenter.sh/capacity-type, operator: Exists}
                """;
        String expected = "spec.taskManager.podTemplate tolerations[0] (merged over spec.podTemplate tolerations[0]) sets value"
                + " 'flink' with operator Exists, which takes none";
        assertEquals(List.of(expected), PodTemplateInvalidTest.reasons(RuleTester.forRule(RULE).raw("1.10.0",
                Fixtures.rawDeployment(template))));
        assertEquals(List.of(expected), PodTemplateInvalidTest.reasons(RuleTester.forRule(RULE).raw("1.10.0",
                Fixtures.rawDeployment(template.replaceFirst("(?m)^  podTemplate:$", "  flinkConfiguration:"
                        + " {kubernetes.operator.pod-template.merge-arrays-by-name: \"true\"}\n  podTemplate:")))));
    }

    /**
     * Label selectors hold label keys and values (Kubernetes' ValidateLabelSelector), as do the values of a required
     * node affinity's requirements; a preferred term's values are not judged, as Kubernetes takes any there.
     */
    @Test
    void selectorsHoldLabelsAndRequiredNodeTermsLabelValues() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      affinity:
                        nodeAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            nodeSelectorTerms:
                              - matchExpressions:
                                  # expect: pod-template-scheduling-invalid
                                  - {key: karpenter.sh/capacity-type, operator: In, values: [on demand]}
                          preferredDuringSchedulingIgnoredDuringExecution:
                            - weight: 10
                              preference: {matchExpressions: [{key: team, operator: In, values: [Data Platform]}]}
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            - topologyKey: kubernetes.io/hostname
                              # expect: pod-template-scheduling-invalid
                              namespaces: [Analytics]
                              labelSelector:
                                matchLabels:
                                  # expect: pod-template-scheduling-invalid
                                  app: state machine
                                matchExpressions:
                                  # expect: pod-template-scheduling-invalid
                                  - {key: component, operator: In, values: [task manager]}
                      topologySpreadConstraints:
                        - maxSkew: 1
                          topologyKey: topology.kubernetes.io/zone
                          whenUnsatisfiable: ScheduleAnyway
                          labelSelector:
                            matchLabels:
                              # expect: pod-template-scheduling-invalid
                              "-component": taskmanager
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]"
                        + ".matchExpressions[0] value 'on demand' is not a label value: at most 63 letters, digits, '-', '_' or"
                        + " '.', starting and ending with a letter or digit",
                "spec.podTemplate affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].namespaces"
                        + " 'Analytics' is not a namespace name (a DNS label)",
                "spec.podTemplate affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector"
                        + ".matchLabels app: 'state machine' is not a label value: at most 63 letters, digits, '-', '_' or '.',"
                        + " starting and ending with a letter or digit",
                "spec.podTemplate affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution[0].labelSelector"
                        + ".matchExpressions[0] value 'task manager' is not a label value: at most 63 letters, digits, '-', '_'"
                        + " or '.', starting and ending with a letter or digit",
                "spec.podTemplate topologySpreadConstraints[0].labelSelector.matchLabels key '-component' is not a label key: an"
                        + " optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.'"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * A spread constraint's node inclusion policies are Honor or Ignore, and its matchLabelKeys need a labelSelector
     * that does not match on them already.
     */
    @Test
    void spreadPoliciesAndMatchLabelKeys() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      topologySpreadConstraints:
                        - maxSkew: 1
                          topologyKey: topology.kubernetes.io/zone
                          whenUnsatisfiable: DoNotSchedule
                          labelSelector: {matchLabels: {app: orders}}
                          matchLabelKeys: [pod-template-hash]
                          nodeAffinityPolicy: Honor
                          # expect: pod-template-scheduling-invalid
                          nodeTaintsPolicy: honor
                        - maxSkew: 1
                          topologyKey: kubernetes.io/hostname
                          whenUnsatisfiable: ScheduleAnyway
                          # expect: pod-template-scheduling-invalid
                          matchLabelKeys: [pod-template-hash]
                        - maxSkew: 1
                          topologyKey: karpenter.sh/capacity-type
                          whenUnsatisfiable: ScheduleAnyway
                          labelSelector: {matchExpressions: [{key: app, operator: In, values: [orders]}]}
                          # expect: pod-template-scheduling-invalid
                          matchLabelKeys: [app]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate topologySpreadConstraints[0] nodeTaintsPolicy 'honor' is not Honor or Ignore",
                "spec.podTemplate topologySpreadConstraints[1] sets matchLabelKeys without a labelSelector",
                "spec.podTemplate topologySpreadConstraints[2] matchLabelKeys 'app' is a key the labelSelector matches on already"),
                PodTemplateInvalidTest.reasons(found));
    }
}
