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
        repo.file("overlays/dev/analytics/resources/remote.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                metadata: {name: remote}
                resources: ["https://github.com/example/base//flink?ref=main"]
                """);
        repo.file("overlays/dev/nowhere/resources/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        repo.file("overlays/dev/analytics/stray.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("overlays/dev/nowhere/resources/cm.yaml:1:1: error: overlay targets root 'nowhere'"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/remote.yaml:2:1: error: a Kustomization is kustomize's configuration"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/stray.yaml:1:1: error: overlay file overlays/dev/analytics/stray.yaml is neither"), r.out());
    }

    /**
     * Each root is checked as kustomize builds it: resources first, an object once per root, then the
     * patches in file-name order, a deleted object gone for the patches after the delete.
     */
    @Test
    void overlaysAreCheckedAsKustomizeBuildsTheRoot() throws Exception {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dev/analytics/patches/a-drop.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: state-machine
                  namespace: analytics
                $patch: delete
                """);
        repo.file("overlays/dev/analytics/patches/b-cost-center.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: state-machine
                  namespace: analytics
                  annotations: {acme.com/cost-center: "4711"}
                """);
        repo.file("overlays/dev/analytics/resources/again.yaml", """
                apiVersion: v1
                kind: ServiceAccount
                metadata:
                  name: flink
                  namespace: analytics
                """);
        repo.file("overlays/dev/analytics/resources/patch-z-clash.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: clash, namespace: analytics}
                """);
        repo.file("overlays/dev/analytics/patches/z-clash.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: clash, namespace: analytics, labels: {a: b}}
                """);
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/patches/b-cost-center.yaml:4:3: error: patch targets FlinkDeployment 'analytics/state-machine',"
                + " which overlays/dev/analytics/patches/a-drop.yaml deletes before it"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/again.yaml:4:3: error: resource ServiceAccount 'analytics/flink' is already in root"
                + " analytics, emitted by flinkops"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/patches/z-clash.yaml:1:1: error: overlay would be written as"
                + " overlay-patch-z-clash.yaml in root analytics, as overlays/dev/analytics/resources/patch-z-clash.yaml is"), r.out());

        // what kustomize accepts, flinkops accepts: a delete, and a patch of an overlay's own resource
        repo.delete("overlays/dev/analytics/patches/b-cost-center.yaml");
        repo.delete("overlays/dev/analytics/resources/again.yaml");
        repo.delete("overlays/dev/analytics/patches/z-clash.yaml");
        repo.file("overlays/dev/analytics/patches/c-label.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: clash, namespace: analytics, labels: {team: analytics}}
                """);
        Cli.Result ok = Cli.run(repo.root(), "build");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        String rendered = KustomizeTest.kustomize(repo.root().resolve("build/manifests/dev/analytics"));
        assertTrue(rendered.contains("team: analytics"), rendered);
        assertTrue(!rendered.contains("name: state-machine\n"), rendered);
    }
}
