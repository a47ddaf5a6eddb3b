package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
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
}
