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

class PodTemplateMergedByPositionTest {
    private static final String RULE = "pod-template-merged-by-position";

    @TempDir
    Path dir;

    /** A TaskManager sidecar listed first lands on flinkops' flink-main-container, with its S3 plugin. */
    @Test
    void firesOnASidecarOverTheMainContainer() {
        PolicyCase.deployment().change("  taskManager:", "  taskManager:\n    podTemplate:\n      spec:\n        containers:\n"
                + "          # expect: pod-template-merged-by-position\n          - name: log-shipper\n"
                + "            image: fluent/fluent-bit:2.2", null)
                .check(dir, RULE);
    }

    @Test
    void itemsAtTheirPositionsOrMergedByNameAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", deployment("", """
                        containers:
                          - {name: flink-main-container, resources: {limits: {ephemeral-storage: 2Gi}}}
                          - {name: log-shipper, resources: {limits: {memory: 64Mi}}}
                          - {name: tm-sidecar, image: busybox}
                        volumes: [{name: logs, emptyDir: {}}]
                        initContainers: [{name: fetch, image: busybox}]
                """));
        RuleTester.forRule(RULE).raw("1.10.0", deployment("    kubernetes.operator.pod-template.merge-arrays-by-name: \"TRUE\"\n", """
                        containers: [{name: tm-sidecar, image: busybox}]
                        volumes: [{name: data, emptyDir: {}}]
                """));
    }

    @Test
    void containersAndVolumesOfOtherNamesAreNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("", """
                        containers:
                          - name: flink-main-container
                          # expect: pod-template-merged-by-position
                          - name: tm-sidecar
                            image: busybox
                        volumes:
                          # expect: pod-template-merged-by-position
                          - name: data
                            emptyDir: {}
                """));
        assertEquals("FlinkDeployment/jobs/app: spec.taskManager.podTemplate volumes[0] (data) is merged by position into"
                + " spec.podTemplate volumes[0] (logs): the TaskManager pods get one item named data with the settings of both,"
                + " and logs is gone", found.get(1).message());
    }

    /** Within flink-main-container merged into itself, the TaskManager's first variable takes the S3 plugin's place. */
    @Test
    void aContainersOwnItemsOfOtherNamesAreNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment("", """
                        containers:
                          - name: flink-main-container
                            env:
                              # expect: pod-template-merged-by-position
                              - {name: TZ, value: UTC}
                            volumeMounts: [{name: logs, mountPath: /opt/flink/log}]
                """));
        assertEquals("FlinkDeployment/jobs/app: spec.taskManager.podTemplate containers[0] (flink-main-container) env[0] (TZ) is"
                + " merged by position into spec.podTemplate containers[0] env[0] (ENABLE_BUILT_IN_PLUGINS): the TaskManager pods"
                + " get one item named TZ with the settings of both, and ENABLE_BUILT_IN_PLUGINS is gone", found.get(0).message());
    }

    private static String deployment(String configuration, String taskManagerTemplate) {
        return Fixtures.rawDeployment("  flinkConfiguration:\n    taskmanager.numberOfTaskSlots: \"2\"\n" + configuration + """
                  podTemplate:
                    spec:
                      containers:
                        - {name: flink-main-container, env: [{name: ENABLE_BUILT_IN_PLUGINS, value: flink-s3-fs-hadoop-1.17.2.jar}]}
                        - {name: log-shipper, image: fluent/fluent-bit:2.2}
                      volumes: [{name: logs, emptyDir: {}}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                """ + taskManagerTemplate);
    }
}
