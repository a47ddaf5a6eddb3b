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

class HighAvailabilityStorageMissingTest {
    private static final String RULE = "high-availability-storage-missing";

    @TempDir
    Path dir;

    @Test
    void firesWhenTheStorageDirectoryIsDropped() {
        PolicyCase.deployment()
                .change("    high-availability.type: kubernetes", "    high-availability.type: kubernetes", RULE)
                .change("    high-availability.storageDir: s3://acme-flink-state/dev/jobs/app/ha", "    state.backend.type: rocksdb")
                .check(dir, RULE);
    }

    @Test
    void haOffOrWithADirectoryIsFine() {
        RuleTester.forRule(RULE).raw("1.10.0", deployment("high-availability.type: none")
                + "---\n" + deployment("high-availability.type: kubernetes, high-availability.storageDir: s3://b/ha").replace("name: app", "name: b")
                + "---\n" + deployment("high-availability: zookeeper, high-availability.zookeeper.storageDir: s3://b/ha").replace("name: app", "name: c")
                + "---\n" + deployment("high-availability.type: NONE, high-availability: kubernetes").replace("name: app", "name: d")
                + "---\n" + deployment("taskmanager.numberOfTaskSlots: \"2\"").replace("name: app", "name: e"));
    }

    @Test
    void theKeyThatTurnedItOnIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", deployment(
                "high-availability: org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory, high-availability.storageDir: \" \"")
                .replace("  flinkConfiguration:", "  # expect: high-availability-storage-missing\n  flinkConfiguration:"));
        assertEquals("FlinkDeployment/jobs/app: high availability is on (high-availability:"
                + " org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory) but no high-availability.storageDir is set:"
                + " the JobManager does not start", found.get(0).message());
    }

    @Test
    void emrOnEksTakesTheJobManagersStorageDir() {
        String expect = "  # expect: high-availability-storage-missing\n  flinkConfiguration:";
        RuleTester.forRule(RULE).raw("1.10.0", emr(deployment(HA).replace(JOB_MANAGER, STORAGE_DIR))
                + "---\n" + deployment(HA).replace("name: app", "name: b").replace(JOB_MANAGER, STORAGE_DIR)
                        .replace("  flinkConfiguration:", expect)
                + "---\n" + emr(deployment(HA).replace("name: app", "name: c")).replace("  flinkConfiguration:", expect));
    }

    private static final String HA = "high-availability.type: kubernetes";
    private static final String JOB_MANAGER = "jobManager: {";
    private static final String STORAGE_DIR = "jobManager: {storageDir: s3://acme/ha, ";

    private static String emr(String deployment) {
        return deployment.replace("  serviceAccount:", "  emrReleaseLabel: emr-6.15.0-flink-latest\n  serviceAccount:");
    }

    private static String deployment(String configuration) {
        return Fixtures.rawDeployment("  flinkConfiguration: {" + configuration + "}\n" + Fixtures.RESOURCES);
    }
}
