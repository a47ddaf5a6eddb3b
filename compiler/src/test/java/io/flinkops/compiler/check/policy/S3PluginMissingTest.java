package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class S3PluginMissingTest {
    private static final String RULE = "s3-plugin-missing";

    @TempDir
    Path dir;

    @Test
    void firesWithoutThePlugin() {
        PolicyCase.deployment().change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-azure-fs-hadoop-1.17.2.jar")
                .change("  podTemplate:", "  podTemplate:", RULE).check(dir, RULE);
    }

    @Test
    void prestoServesS3Too() {
        PolicyCase.deployment().change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-s3-fs-presto-1.17.2.jar").check(dir, RULE);
    }

    @Test
    void emrOnEksReadsS3WithoutThePlugin() {
        PolicyCase.deployment().change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-azure-fs-hadoop-1.17.2.jar")
                .change("  serviceAccount: flink", "  serviceAccount: flink\n  emrReleaseLabel: emr-6.15.0-flink-latest").check(dir, RULE);
    }

    /** By position, the TaskManager template's first variable takes the place of the shared template's plugin variable. */
    @Test
    void aTaskManagerTemplateThatReplacesThePluginVariableByPosition() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", withTaskManagerTemplate("    # expect: s3-plugin-missing\n", ""));
        assertEquals("FlinkDeployment/jobs/app: state is on s3 but the TaskManager pods get no matching S3 plugin: no"
                + " ENABLE_BUILT_IN_PLUGINS naming one in its flink-main-container once the operator lays"
                + " spec.taskManager.podTemplate over spec.podTemplate (item by item, by position), nor in"
                + " containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS", found.get(0).message());
        // merged by name, both variables stay; or the TaskManager's own setting names the plugin
        RuleTester.forRule(RULE).raw("1.10.0", withTaskManagerTemplate("", "kubernetes.operator.pod-template.merge-arrays-by-name: \"true\""));
        RuleTester.forRule(RULE).raw("1.10.0", withTaskManagerTemplate("",
                "containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS: flink-s3-fs-presto-1.17.2.jar"));
    }

    /** The raw deployment of PolicyCase with a TaskManager template whose env replaces the shared plugin variable by position. */
    private static String withTaskManagerTemplate(String marker, String setting) {
        return PolicyCase.deployment()
                .change("  taskManager:", "  taskManager:\n    resource: {cpu: 1, memory: 2048m}\n" + marker + "    podTemplate:\n"
                        + "      spec:\n        containers: [{name: flink-main-container, env: [{name: TZ, value: UTC}]}]")
                .change("    resource: {cpu: 1, memory: 2048m}", "")
                .change("    execution.checkpointing.interval: 60s", "    execution.checkpointing.interval: 60s"
                        + (setting.isEmpty() ? "" : "\n    " + setting))
                .text();
    }
}
