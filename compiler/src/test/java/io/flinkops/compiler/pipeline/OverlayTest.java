package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overlays are wired into their roots; a patch that targets nothing is an error on its own line. */
class OverlayTest {
    @TempDir
    Path dir;

    @Test
    void patchWithoutTargetIsAnError() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dev/analytics/patches/typo.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: state-machin
                  namespace: analytics
                """);
        Cli.Result r = Cli.run(repo.root(), "build");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("overlays/dev/analytics/patches/typo.yaml:4:3: error: patch targets FlinkDeployment 'analytics/state-machin', which root analytics does not emit [overlay-invalid]"), r.out());
    }

    @Test
    void overlayForAMissingRootOrOutsidePatchesAndResources() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dev/nowhere/resources/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        repo.file("overlays/dev/analytics/stray.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("overlays/dev/nowhere/resources/cm.yaml:1:1: error: overlay targets root 'nowhere'"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/stray.yaml:1:1: error: overlay file overlays/dev/analytics/stray.yaml is neither"), r.out());
    }
}
