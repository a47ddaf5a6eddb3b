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

class PodTemplateInvalidTest {
    private static final String RULE = "pod-template-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnAMountOfAnUndeclaredVolume() {
        PolicyCase.deployment()
                .change("          env:", "          volumeMounts: [{name: scratch, mountPath: /tmp/scratch}]\n          env:", RULE)
                .check(dir, RULE);
    }

    /** The operator's own pod-template example, and templates the merge completes. */
    @Test
    void templatesKubernetesRunsAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          volumeMounts:
                            - {name: flink-logs, mountPath: /opt/flink/log}
                            - {name: flink-config-volume, mountPath: /opt/flink/conf-copy}
                          env: [{name: A, value: "1"}, {name: B, valueFrom: {fieldRef: {fieldPath: metadata.name}}}, {name: my-var.1, value: x}]
                        - name: fluentbit
                          image: fluent/fluent-bit:1.9.6-debug
                          command: ['sh', '-c', '/fluent-bit/bin/fluent-bit -i tail -p path=/flink-logs/*.log -p multiline.parser=java -o stdout']
                          volumeMounts: [{name: flink-logs, mountPath: /flink-logs}, {name: shared, mountPath: /shared}]
                      initContainers:
                        - name: artifacts-fetcher
                          image: busybox:1.35.0
                          volumeMounts: [{name: flink-artifacts, mountPath: /flink-artifact}]
                      volumes:
                        - {name: flink-logs, emptyDir: {}}
                        - {name: flink-artifacts, emptyDir: {}}
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container}
                          - {name: fluentbit, resources: {limits: {memory: 128Mi}}}
                        volumes: [{name: flink-logs}, {name: flink-artifacts}, {name: shared, emptyDir: {}}]
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - {env: [{value: "2"}]}
                        volumes: [{name: flink-logs}, {name: flink-artifacts}, {name: shared, emptyDir: {}}]
                """));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          env:
                            # expect: pod-template-invalid
                            - value: "1"
                            - name: TOKEN
                              value: x
                              # expect: pod-template-invalid
                              valueFrom: {secretKeyRef: {name: s, key: k}}
                            # expect: pod-template-invalid
                            - name: JAVA_OPTS=-Xmx1g
                              value: x
                          volumeMounts:
                            # expect: pod-template-invalid
                            - name: flink-log
                              mountPath: /opt/flink/log
                        # expect: pod-template-invalid
                        - name: log-shipper
                          ports:
                            # expect: pod-template-invalid
                            - name: metrics-prometheus
                              containerPort: 9249
                            - name: web
                              # expect: pod-template-invalid
                              containerPort: 70000
                            # expect: pod-template-invalid
                            - name: web
                              containerPort: 8080
                        # expect: pod-template-invalid
                        - image: busybox
                        # expect: pod-template-invalid
                        - name: Sidecar_1
                          image: busybox
                        - image: busybox
                          # expect: pod-template-invalid
                          name: flink-main-container
                      volumes: [{name: flink-logs, emptyDir: {}}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        initContainers:
                          # expect: pod-template-invalid
                          - name: fetch
                            command: [wget]
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] env[0] has no name",
                "spec.podTemplate containers[0] env TOKEN sets both value and valueFrom",
                "spec.podTemplate containers[0] env name 'JAVA_OPTS=-Xmx1g' holds '=' or a character outside printable ASCII",
                "spec.podTemplate containers[0] mounts volume 'flink-log', which the pod template does not declare under volumes",
                "spec.podTemplate containers[1] (log-shipper) has no image; only flink-main-container takes spec.image",
                "spec.podTemplate containers[1] port name 'metrics-prometheus' is not a port name Kubernetes takes (at most 15"
                        + " lower-case letters, digits and single '-', with a letter)",
                "spec.podTemplate containers[1] port 70000 is not between 1 and 65535",
                "spec.podTemplate containers[1] names two ports 'web'",
                "spec.podTemplate containers[2] has no name",
                "spec.podTemplate containers[3] is named 'Sidecar_1', which is not a DNS label (lower-case letters, digits and '-',"
                        + " at most 63)",
                "spec.podTemplate containers[4] is named 'flink-main-container' as spec.podTemplate containers[0] is",
                "spec.taskManager.podTemplate initContainers[0] (fetch) has no image; only flink-main-container takes spec.image"),
                reasons(found));
    }

    @Test
    void portsMountsAndPullPoliciesAsKubernetesSpellsThem() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          imagePullPolicy: always
                          ports:
                            # expect: pod-template-invalid
                            - name: metrics
                          volumeMounts:
                            - {name: data, mountPath: /data}
                            # expect: pod-template-invalid
                            - {name: data, mountPath: /data, subPath: x}
                            # expect: pod-template-invalid
                            - {name: data, mountPath: /cache, subPath: ../etc}
                        - name: exporter
                          image: prom/statsd-exporter:v0.26.0
                          # expect: pod-template-invalid
                          imagePullPolicy: ifNotPresent
                          ports:
                            # expect: pod-template-invalid
                            - {name: statsd, containerPort: 9125, protocol: udp}
                            # expect: pod-template-invalid
                            - {name: web, containerPort: 9102, hostPort: 70000}
                          volumeMounts:
                            # expect: pod-template-invalid
                            - {name: data}
                        - name: shipper
                          image: fluent/fluent-bit:3.0
                          ports: [{name: http}]
                          volumeMounts: [{name: data}]
                      volumes: [{name: data, emptyDir: {}}]
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container}
                          - {name: exporter}
                          - {name: shipper, ports: [{containerPort: 2020}], volumeMounts: [{mountPath: /data}]}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - {name: flink-main-container, imagePullPolicy: Always}
                          - {name: exporter, imagePullPolicy: IfNotPresent}
                          - name: shipper
                            ports: [{name: http, containerPort: 2020, protocol: TCP}]
                            volumeMounts: [{name: data, mountPath: /data}]
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] ports[0] has no containerPort",
                "spec.podTemplate containers[0] mounts two volumes at /data (volumeMounts[0] and [1])",
                "spec.podTemplate containers[0] mounts subPath ../etc, which must be a relative path inside the volume, without '..'",
                "spec.podTemplate containers[1], in the JobManager pod, has imagePullPolicy 'ifNotPresent', not one of Always,"
                        + " IfNotPresent, Never",
                "spec.podTemplate containers[1] port protocol 'udp' is not one of TCP, UDP, SCTP (upper case)",
                "spec.podTemplate containers[1] hostPort 70000 is not between 1 and 65535",
                "spec.podTemplate containers[1] volumeMounts[0] has no mountPath"),
                reasons(found));
    }

    /** By position, the operator's default, a component's volume takes the place of the shared one at its index. */
    @Test
    void aVolumeAComponentReplacesByPositionCannotBeMounted() {
        String template = """
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          # expect: pod-template-invalid
                          volumeMounts: [{name: flink-logs, mountPath: /opt/flink/log}]
                      volumes: [{name: flink-logs, emptyDir: {}}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        volumes: [{name: scratch, emptyDir: {}}]
                """;
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment(template));
        assertEquals("FlinkDeployment/jobs/app: spec.podTemplate containers[0] mounts volume 'flink-logs', which"
                + " spec.taskManager.podTemplate volumes[0] (scratch) replaces at its position in the TaskManager pods (the operator merges the templates' volumes by position unless"
                + " kubernetes.operator.pod-template.merge-arrays-by-name is true): Kubernetes refuses the operator's pods and the"
                + " job never starts", found.get(0).message());
        List<Diagnostic> onlyOne = RuleTester.forRule(RULE).raw("1.10.0", deployment(template
                .replace("      volumes: [{name: flink-logs, emptyDir: {}}]\n", "")
                .replace("  jobManager: {resource: {memory: 1g, cpu: 0.5}}\n", "  jobManager:\n    resource: {memory: 1g, cpu: 0.5}\n"
                        + "    podTemplate: {spec: {volumes: [{name: flink-logs, emptyDir: {}}]}}\n")));
        assertEquals(List.of("spec.podTemplate containers[0] mounts volume 'flink-logs', which the TaskManager pods do not have: only"
                + " another component's template declares it"), reasons(onlyOne));
        RuleTester.forRule(RULE).raw("1.10.0", deployment(template.replace("          # expect: pod-template-invalid\n", "")
                .replaceFirst("(?m)^  podTemplate:$", "  flinkConfiguration: {kubernetes.operator.pod-template.merge-arrays-by-name:"
                        + " \"true\"}\n  podTemplate:")));
    }

    /**
     * A shared template with a log sidecar under a JobManager template that fetches artifacts into a volume
     * of its own. Merged by operator 1.7.0's own FlinkUtils.mergePodTemplates by position, the JobManager
     * pod's volumes are [flink-artifact] alone, its main container mounts only flink-artifact (the
     * JobManager's mount replaces the shared one), and fluentbit still mounts flink-logs.
     */
    @Test
    void aSidecarLosesItsLogVolumeInTheJobManagerPod() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          volumeMounts: [{mountPath: /opt/flink/log, name: flink-logs}]
                        - name: fluentbit
                          image: fluent/fluent-bit:1.9.6-debug
                          # expect: pod-template-invalid
                          volumeMounts: [{mountPath: /flink-logs, name: flink-logs}]
                      volumes: [{name: flink-logs, emptyDir: {}}]
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        initContainers:
                          - name: artifacts-fetcher
                            image: busybox:1.35.0
                            volumeMounts: [{mountPath: /flink-artifact, name: flink-artifact}]
                        containers:
                          - name: flink-main-container
                            volumeMounts: [{mountPath: /opt/flink/artifacts, name: flink-artifact}]
                        volumes: [{name: flink-artifact, emptyDir: {}}]
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(1, found.size());
    }

    /**
     * What only the merged pods show, as operator 1.7.0's FlinkUtils.mergePodTemplates makes them. By position,
     * the JobManager's fluentbit, listed first, is merged into flink-main-container and makes a second
     * container named fluentbit; the TaskManager's mount of logs lands at index 0 beside the shared mount of
     * logs at index 1, both at /opt/flink/log; and its TOKEN from a secret keeps the shared value beside its
     * valueFrom, which merging by name does as well.
     */
    @Test
    void whatTheMergeMakesIsJudged() {
        String template = """
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          env: [{name: TOKEN, value: dev}]
                          volumeMounts: [{name: data, mountPath: /data}, {name: logs, mountPath: /opt/flink/log}]
                        - name: fluentbit
                          image: fluent/fluent-bit:3.0
                      volumes: [{name: data, emptyDir: {}}, {name: logs, emptyDir: {}}]
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          # expect: pod-template-invalid
                          - name: fluentbit
                            resources: {limits: {memory: 128Mi}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: flink-main-container
                            env:
                              - name: TOKEN
                                # expect: pod-template-invalid
                                valueFrom: {secretKeyRef: {name: token, key: token}}
                            volumeMounts:
                              # expect: pod-template-invalid
                              - {name: logs, mountPath: /opt/flink/log}
                """;
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment(template));
        assertEquals(List.of(
                "spec.jobManager.podTemplate containers[0] (fluentbit, merged over spec.podTemplate containers[0]) has no image; only"
                        + " flink-main-container takes spec.image",
                "spec.jobManager.podTemplate containers[0] (merged over spec.podTemplate containers[0]) is named 'fluentbit' as"
                        + " spec.podTemplate containers[1] is",
                "spec.taskManager.podTemplate containers[0] env TOKEN sets valueFrom, and spec.podTemplate containers[0] env[0], which"
                        + " the merge makes one variable with it, sets value",
                "spec.taskManager.podTemplate containers[0] mounts volumeMounts[0] at /opt/flink/log as spec.podTemplate containers[0]"
                        + " volumeMounts[1] does, in the one container the merge makes of both"),
                reasons(found));
        List<Diagnostic> byName = RuleTester.forRule(RULE).raw("1.10.0", deployment(template
                .replaceAll("(?m)^ *# expect: pod-template-invalid\n(?= *- (name: fluentbit|\\{name: logs))", "")
                .replaceFirst("(?m)^  podTemplate:$", "  flinkConfiguration: {kubernetes.operator.pod-template.merge-arrays-by-name:"
                        + " \"true\"}\n  podTemplate:")));
        assertEquals(List.of("spec.taskManager.podTemplate containers[0] env TOKEN sets valueFrom, and spec.podTemplate containers[0]"
                + " env[0], which the merge makes one variable with it, sets value"), reasons(byName));
    }

    /**
     * Flink 1.17.1's own KubernetesJobManagerFactory, given this template, makes a JobManager container with two
     * ports named rest and two mounts at /opt/flink/conf (its flink-config-volume after the template's):
     * Kubernetes refuses both. A file mounted into the conf dir by subPath and a metrics port are fine.
     */
    @Test
    void whatFlinkAddsToTheMainContainerIsNotWrittenTwice() {
        String template = """
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          ports:
                            # expect: pod-template-invalid
                            - {name: rest, containerPort: 8081}
                            - {name: metrics, containerPort: 9249}
                          volumeMounts:
                            # expect: pod-template-invalid
                            - {name: conf, mountPath: /opt/flink/conf}
                            - {name: conf, mountPath: /opt/flink/conf/log4j-console.properties, subPath: log4j-console.properties}
                      volumes: [{name: conf, configMap: {name: flink-conf}}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        containers:
                          - name: flink-main-container
                            # expect: pod-template-invalid
                            ports: [{name: taskmanager-rpc, containerPort: 6122}]
                """;
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment(template));
        assertEquals(List.of(
                "spec.podTemplate containers[0] names a port 'rest', as Flink names one it adds to flink-main-container in the"
                        + " JobManager pod (rest, jobmanager-rpc, blobserver)",
                "spec.podTemplate containers[0] mounts a volume at /opt/flink/conf, where Flink mounts its own configuration"
                        + " (flink-config-volume, at kubernetes.flink.conf.dir)",
                "spec.taskManager.podTemplate containers[0] names a port 'taskmanager-rpc', as Flink names one it adds to"
                        + " flink-main-container in the TaskManager pods (taskmanager-rpc)"),
                reasons(found));
        // with the host's network Flink adds no ports; with its configuration elsewhere, the mount is the user's own
        RuleTester.forRule(RULE).raw("1.10.0", deployment(template.replaceAll("(?m)^ *# expect: pod-template-invalid\n", "")
                .replaceFirst("(?m)^  podTemplate:$", "  flinkConfiguration: {kubernetes.hostnetwork.enabled: \"true\","
                        + " kubernetes.flink.conf.dir: /etc/flink}\n  podTemplate:")));
    }

    /**
     * Labels and annotations reach the pods: Kubernetes refuses a label value with a space. The TaskManager
     * template's own value for a label replaces the shared one in its pods only, so the shared one's finding
     * names the JobManager pod.
     */
    @Test
    void labelsAndAnnotationsKubernetesCannotReadAreNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    metadata:
                      labels:
                        # expect: pod-template-invalid
                        team: Data Platform
                        app.kubernetes.io/version: "${VERSION}"
                        # expect: pod-template-invalid
                        cost_center/team: data
                      annotations:
                        prometheus.io/scrape: "true"
                        # expect: pod-template-invalid
                        "owner email": data@example.com
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      metadata:
                        labels: {team: data-platform}
                """));
        assertEquals(List.of(
                "spec.podTemplate metadata.labels, in the JobManager pod, team: 'Data Platform' is not a label value: at most 63"
                        + " letters, digits, '-', '_' or '.', starting and ending with a letter or digit",
                "spec.podTemplate metadata.labels key 'cost_center/team' is not a label key: an optional DNS-subdomain prefix and"
                        + " '/', then at most 63 letters, digits, '-', '_' or '.'",
                "spec.podTemplate metadata.annotations key 'owner email' is not a qualified name (an optional DNS-subdomain prefix"
                        + " and '/', then at most 63 letters, digits, '-', '_' or '.')"),
                reasons(found));
    }

    /**
     * Annotations Kubernetes reads as part of the pod: seccomp and AppArmor profiles in their old annotation form, a
     * pod-deletion-cost, a mirror-pod mark. Flink's own container counts as one of the pod's, though no template
     * lists it here; the TaskManager template's sidecar is not in the JobManager pod.
     */
    @Test
    void podAnnotationsKubernetesReadsAreJudged() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    metadata:
                      annotations:
                        seccomp.security.alpha.kubernetes.io/pod: runtime/default
                        container.apparmor.security.beta.kubernetes.io/flink-main-container: localhost/k8s-flink
                        # expect: pod-template-invalid
                        container.seccomp.security.alpha.kubernetes.io/flink-main-container: RuntimeDefault
                        # expect: pod-template-invalid
                        container.apparmor.security.beta.kubernetes.io/log-shipper: runtime/default
                        # expect: pod-template-invalid
                        controller.kubernetes.io/pod-deletion-cost: "+10"
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      metadata:
                        annotations:
                          # expect: pod-template-invalid
                          seccomp.security.alpha.kubernetes.io/pod: localhost/../escape.json
                          # expect: pod-template-invalid
                          kubernetes.io/config.mirror: "yes"
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      metadata:
                        annotations:
                          # expect: pod-template-invalid
                          container.apparmor.security.beta.kubernetes.io/flink-main-container: RuntimeDefault
                          controller.kubernetes.io/pod-deletion-cost: "-7"
                      spec:
                        containers: [{name: log-shipper, image: fluent/fluent-bit:3.0.4}]
                """));
        assertEquals(List.of(
                "spec.podTemplate metadata.annotations container.seccomp.security.alpha.kubernetes.io/flink-main-container is"
                        + " 'RuntimeDefault', not runtime/default, docker/default, unconfined or localhost/<profile>",
                "spec.podTemplate metadata.annotations, in the JobManager pod, container.apparmor.security.beta.kubernetes.io/"
                        + "log-shipper names container 'log-shipper', which the pod does not have (flink-main-container)",
                "spec.podTemplate metadata.annotations, in the JobManager pod, controller.kubernetes.io/pod-deletion-cost is '+10',"
                        + " not a 32-bit integer"
                        + " (no '+', no leading zeros)",
                "spec.jobManager.podTemplate metadata.annotations seccomp.security.alpha.kubernetes.io/pod is"
                        + " 'localhost/../escape.json', whose profile is not a relative path below the kubelet's seccomp folder"
                        + " (no leading '/', no '..')",
                "spec.jobManager.podTemplate metadata.annotations kubernetes.io/config.mirror marks a mirror pod, which only the"
                        + " kubelet makes (and only with spec.nodeName)",
                "spec.taskManager.podTemplate metadata.annotations container.apparmor.security.beta.kubernetes.io/"
                        + "flink-main-container is 'RuntimeDefault', not runtime/default, unconfined or localhost/<profile>"),
                reasons(found));
    }

    /** A mount at a path where Flink mounts a volume its configuration asks for is a second mount there. */
    @Test
    void aMountWhereFlinkMountsAConfiguredVolumeIsASecond() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  flinkConfiguration: {kubernetes.hadoop.conf.config-map.name: hadoop-conf}
                  podTemplate:
                    spec:
                      volumes: [{name: hadoop, configMap: {name: hadoop-conf}}, {name: templates, emptyDir: {}}]
                      containers:
                        - name: flink-main-container
                          volumeMounts:
                            # expect: pod-template-invalid
                            - {name: hadoop, mountPath: /opt/hadoop/conf}
                            # expect: pod-template-invalid
                            - {name: templates, mountPath: /opt/flink/pod-template}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] mounts a volume at /opt/hadoop/conf, where Flink mounts the Hadoop configuration"
                        + " (hadoop-config-volume, of kubernetes.hadoop.conf.config-map.name)",
                "spec.podTemplate containers[0], in the JobManager pod, mounts a volume at /opt/flink/pod-template, where Flink"
                        + " mounts the TaskManagers' pod template (pod-template-volume, which the operator hands the JobManager)"),
                reasons(found));
    }

    /** What each finding says is wrong: its message without the object before it and the consequence after it. */
    static List<String> reasons(List<Diagnostic> found) {
        return found.stream().map(d -> d.message().substring(d.message().indexOf(": ") + 2, d.message().indexOf(": Kubernetes"))).toList();
    }

    private static String deployment(String rest) {
        return Fixtures.rawDeployment(rest);
    }

    /**
     * Host ports: two containers of one pod cannot take one port of the node, and on the host network a hostPort is
     * the containerPort.
     */
    @Test
    void hostPortsOneContainerAtATimeAndTheContainerPortOnTheHostNetwork() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          ports: [{name: metrics, containerPort: 9249, hostPort: 9249}]
                        - name: exporter
                          image: prom/statsd-exporter:v0.26.0
                          ports:
                            # expect: pod-template-invalid
                            - {name: statsd, containerPort: 9102, hostPort: 9249}
                            - {name: statsd-udp, containerPort: 9125, hostPort: 9249, protocol: UDP}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of("spec.podTemplate containers[1] takes hostPort 9249 (TCP) as spec.podTemplate containers[0] does: one"
                        + " port of the node serves one of them"),
                reasons(found));
        List<Diagnostic> hostNetwork = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  flinkConfiguration: {kubernetes.hostnetwork.enabled: "true"}
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          ports:
                            - {name: metrics, containerPort: 9249, hostPort: 9249}
                            # expect: pod-template-invalid
                            - {name: jmx, containerPort: 9010, hostPort: 19010}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of("spec.podTemplate containers[0] hostPort 19010 differs from containerPort 9010 on the host network,"
                        + " where the two are one"),
                reasons(hostNetwork));
    }

    /**
     * Where a variable's value comes from: one source, a field of the pod a variable may read, a resource of the
     * container, a ConfigMap or Secret by a name and key Kubernetes takes; envFrom one source and a prefix without '='.
     */
    @Test
    void variableSourcesKubernetesTakes() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      containers:
                        - name: flink-main-container
                          env:
                            - {name: POD_IP, valueFrom: {fieldRef: {fieldPath: status.podIP}}}
                            - {name: TEAM, valueFrom: {fieldRef: {apiVersion: v1, fieldPath: "metadata.labels['team']"}}}
                            - {name: CPU, valueFrom: {resourceFieldRef: {containerName: flink-main-container, resource: limits.cpu}}}
                            - {name: TOKEN, valueFrom: {secretKeyRef: {name: "${SECRET}", key: token}}}
                            # expect: pod-template-invalid
                            - {name: PHASE, valueFrom: {fieldRef: {fieldPath: status.phase}}}
                            # expect: pod-template-invalid
                            - {name: PASSWORD, valueFrom: {secretKeyRef: {name: Kafka-Credentials, key: password}}}
                            # expect: pod-template-invalid
                            - {name: KEY, valueFrom: {configMapKeyRef: {name: kafka, key: "client/key"}}}
                            # expect: pod-template-invalid
                            - {name: BOTH, valueFrom: {configMapKeyRef: {name: kafka, key: a}, secretKeyRef: {name: kafka, key: b}}}
                          envFrom:
                            - {prefix: KAFKA_, configMapRef: {name: kafka}}
                            # expect: pod-template-invalid
                            - {prefix: "A=", secretRef: {name: kafka}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] env PHASE valueFrom.fieldRef fieldPath 'status.phase' is not one a variable takes"
                        + " (metadata.name, metadata.namespace, metadata.uid, spec.nodeName, spec.serviceAccountName, status.hostIP(s),"
                        + " status.podIP(s), or metadata.labels['key'] or metadata.annotations['key'])",
                "spec.podTemplate containers[0] env PASSWORD valueFrom.secretKeyRef name 'Kafka-Credentials' is not a DNS subdomain"
                        + " (lower-case letters, digits, '-' and '.')",
                "spec.podTemplate containers[0] env KEY valueFrom.configMapKeyRef key 'client/key' is not a key Kubernetes takes"
                        + " (letters, digits, '-', '_' and '.', at most 253, not '.' or starting with '..')",
                "spec.podTemplate containers[0] env BOTH valueFrom names configMapKeyRef and secretKeyRef; it takes one",
                "spec.podTemplate containers[0] envFrom[1] prefix 'A=' holds '=' or a character outside printable ASCII"),
                reasons(found));
    }

    /** A mount's subPathExpr, mount propagation and recursive read-only setting, as Kubernetes takes them. */
    @Test
    void mountOptionsKubernetesTakes() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("""
                  podTemplate:
                    spec:
                      volumes: [{name: logs, emptyDir: {}}, {name: host, hostPath: {path: /var/flink}}]
                      containers:
                        - name: flink-main-container
                          volumeMounts:
                            - {name: logs, mountPath: /opt/flink/log, subPathExpr: $(POD_NAME)}
                            # expect: pod-template-invalid
                            - {name: logs, mountPath: /archive, subPath: a, subPathExpr: $(POD_NAME)}
                            # expect: pod-template-invalid
                            - {name: host, mountPath: /host, mountPropagation: Bidirectional}
                            # expect: pod-template-invalid
                            - {name: host, mountPath: /host-ro, recursiveReadOnly: Enabled}
                            - {name: host, mountPath: /host-rro, readOnly: true, recursiveReadOnly: IfPossible}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate containers[0] sets subPathExpr and subPath; a mount takes one of them",
                "spec.podTemplate containers[0] mountPropagation is Bidirectional in a container that is not privileged",
                "spec.podTemplate containers[0] recursiveReadOnly is Enabled on a mount that is not readOnly"),
                reasons(found));
    }
}
