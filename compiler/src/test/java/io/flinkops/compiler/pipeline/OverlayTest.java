package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
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
        repo.file("overlays/dev/analytics/patches/b-cost-center.yaml", Fixtures.OVERLAY_PATCH);
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

    /**
     * An extra resource reaches the cluster through its root's Argo CD Application: a kind the AppProject
     * does not permit fails that sync, and an object in another namespace would be one team's overlay
     * writing into another team's namespace. The environment's spec.argocd.extraKinds permits more kinds.
     */
    @Test
    void resourcesMustBeWhatTheRootsApplicationMaySync() {
        TestRepo repo = new TestRepo(dir).withSamples();
        secretAndPodMonitor(repo);
        repo.file("overlays/dev/analytics/resources/elsewhere.yaml", """
                apiVersion: rbac.authorization.k8s.io/v1
                kind: RoleBinding
                metadata:
                  name: analytics-reads-clickstream
                  namespace: clickstream
                roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}
                subjects: [{kind: ServiceAccount, name: flink, namespace: analytics}]
                """);
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/secret.yaml:2:1: error: resource Secret 'db' is of a kind (Secret) that"
                + " Argo CD project flink-dev does not permit, so the sync of root analytics would fail [overlay-invalid]"), r.out());
        assertTrue(r.out().contains("fix: Add {group: \"\", kind: Secret} to spec.argocd.extraKinds in environments/dev/environment.yaml"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/monitor.yaml:2:1: error: resource PodMonitor 'flink' is of a kind"
                + " (monitoring.coreos.com/PodMonitor)"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/elsewhere.yaml:5:3: error: resource RoleBinding"
                + " 'clickstream/analytics-reads-clickstream' is in namespace clickstream, but root analytics holds only namespace analytics's"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.contains("[overlay-invalid]")).count(), r.out());

        repo.delete("overlays/dev/analytics/resources/elsewhere.yaml");
        repo.edit("environments/dev/environment.yaml", "  argocd:\n",
                "  argocd:\n    extraKinds: [{group: \"\", kind: Secret}, {group: monitoring.coreos.com, kind: PodMonitor}]\n");
        Cli.Result ok = Cli.run(repo.root(), "build");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        String project = repo.read("build/manifests/dev/_argocd/manifest.yaml");
        assertTrue(project.contains("      kind: FlinkStateSnapshot\n    - group: \"\"\n      kind: Secret\n"
                + "    - group: monitoring.coreos.com\n      kind: PodMonitor\n"), project);
        repo.edit("environments/dev/environment.yaml", "kind: PodMonitor}",
                "kind: pod-monitor}");
        Cli.Result bad = Cli.run(repo.root(), "validate");
        assertEquals(1, bad.code(), bad.out());
        assertTrue(bad.out().contains("is not a Kubernetes kind"), bad.out());
    }

    /**
     * A patch of the environment's AppProject under overlays/ENV/_argocd/ changes what the roots' Applications may sync,
     * as Argo CD reads it (AppProject.IsGroupKindPermitted): its whitelist replaces the generated one (kustomize replaces
     * a custom resource's lists whole), its entries match as globs, and a blacklist takes kinds away again.
     */
    @Test
    void resourcesAreJudgedByTheAppProjectAsItsPatchesMakeIt() throws Exception {
        TestRepo repo = new TestRepo(dir).withSamples();
        secretAndPodMonitor(repo);
        repo.file("overlays/dev/_argocd/patches/project.yaml", """
                apiVersion: argoproj.io/v1alpha1
                kind: AppProject
                metadata: {name: flink-dev, namespace: argocd}
                spec:
                  namespaceResourceWhitelist:
                    - {group: "*", kind: "*"}
                  namespaceResourceBlacklist:
                    - {group: "", kind: Secret}
                """);
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/secret.yaml:2:1: error: resource Secret 'db' is of a kind (Secret) that"
                + " Argo CD project flink-dev does not permit"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("[overlay-invalid]")).count(), r.out());

        repo.delete("overlays/dev/analytics/resources/secret.yaml");
        Cli.Result ok = Cli.run(repo.root(), "build");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(KustomizeTest.kustomize(repo.root().resolve("build/manifests/dev/_argocd")).contains("kind: '*'"));
    }

    /** A Secret and a PodMonitor among the analytics root's extra resources: kinds the generated AppProject does not list. */
    private static void secretAndPodMonitor(TestRepo repo) {
        repo.file("overlays/dev/analytics/resources/secret.yaml", """
                apiVersion: v1
                kind: Secret
                metadata: {name: db}
                stringData: {password: x}
                """);
        repo.file("overlays/dev/analytics/resources/monitor.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: flink}
                spec: {podMetricsEndpoints: [{port: metrics}], selector: {matchLabels: {app: x}}}
                """);
    }

    /**
     * An extra resource of another operator's kind is judged by that operator's CRD when the environment
     * names it in spec.operator.crdFiles, as the API server will judge it; without one it is not judged.
     */
    @Test
    void anExtraResourceOfAnotherOperatorIsJudgedByTheCrdTheEnvironmentNames() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("crds/podmonitors.yaml", """
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: podmonitors.monitoring.coreos.com}
                spec:
                  group: monitoring.coreos.com
                  names: {kind: PodMonitor, listKind: PodMonitorList, plural: podmonitors, singular: podmonitor}
                  scope: Namespaced
                  versions:
                    - name: v1
                      served: true
                      storage: true
                      subresources: {status: {}}
                      schema:
                        openAPIV3Schema:
                          type: object
                          required: [spec]
                          properties:
                            apiVersion: {type: string}
                            kind: {type: string}
                            metadata: {type: object}
                            spec:
                              type: object
                              required: [selector]
                              properties:
                                podMetricsEndpoints:
                                  type: array
                                  items:
                                    type: object
                                    properties:
                                      port: {type: string}
                                      interval: {type: string, pattern: "^(0|(([0-9]+)h)?(([0-9]+)m)?(([0-9]+)s)?)$"}
                                      targetPort: {anyOf: [{type: integer}, {type: string}], x-kubernetes-int-or-string: true}
                                selector:
                                  type: object
                                  x-kubernetes-map-type: atomic
                                  properties:
                                    matchLabels: {type: object, additionalProperties: {type: string}}
                              x-kubernetes-validations: [{rule: "has(self.selector)", message: "a selector is required"}]
                            status: {type: object, x-kubernetes-preserve-unknown-fields: true}
                """);
        repo.file("overlays/dev/analytics/resources/monitor.yaml", """
                apiVersion: monitoring.coreos.com/v1
                kind: PodMonitor
                metadata: {name: flink}
                spec:
                  podMetricsEndpoints: [{port: metrics, interval: 30 seconds, targetPort: 9249}]
                  selector: {matchLabels: {app: x}}
                  jobLabel: app
                """);
        repo.edit("environments/dev/environment.yaml", "  argocd:\n",
                "  argocd:\n    extraKinds: [{group: monitoring.coreos.com, kind: PodMonitor}]\n");
        Cli.Result unjudged = Cli.run(repo.root(), "validate", "--env", "dev");
        assertEquals(0, unjudged.code(), unjudged.out());

        repo.edit("environments/dev/environment.yaml", "  operator:\n",
                "  operator:\n    crdFiles: [crds/podmonitors.yaml]\n");
        Cli.Result judged = Cli.run(repo.root(), "validate", "--env", "dev");
        assertEquals(1, judged.code(), judged.out());
        assertTrue(judged.out().contains("overlays/dev/analytics/resources/monitor.yaml:5:41: error: PodMonitor/analytics/flink:"
                + " spec.podMetricsEndpoints[0].interval: does not match the regex pattern"), judged.out());
        assertTrue(judged.out().contains("overlays/dev/analytics/resources/monitor.yaml:7:3: error: PodMonitor/analytics/flink:"
                + " unknown field 'spec.jobLabel' [crd-schema]"), judged.out());
        assertEquals(2, judged.out().lines().filter(l -> l.contains("[crd-schema]")).count(), judged.out());
        // the operator's own kinds are still judged by the CRDs built in for its version; the PodMonitor is counted
        assertTrue(judged.out().endsWith("2 errors, 0 warnings, 0 info; 31 objects checked\n"), judged.out());
    }

    /** Overlays of an environment that does not exist (a typo, a removed environment) would silently stop applying. */
    @Test
    void overlaysOfNoEnvironmentAreErrors() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dve/analytics/patches/cost-center.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: state-machine, namespace: analytics, annotations: {acme.com/cost-center: "4711"}}
                """);
        repo.file("overlays/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        repo.file("overlays/dev/patch.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n");
        Cli.Result r = Cli.run(repo.root(), "build");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("overlays/dve/analytics/patches/cost-center.yaml:1:1: error: overlay file overlays/dve/analytics/patches/cost-center.yaml"
                + " is in overlays/dve/, but there is no environment dve (environments: dev, prod, staging) [overlay-invalid]"), r.out());
        assertTrue(r.out().contains("overlays/patch.yaml:1:1: error: overlay file overlays/patch.yaml is in no environment's folder"), r.out());
        assertTrue(r.out().contains("overlays/dev/patch.yaml:1:1: error: overlay file overlays/dev/patch.yaml is neither under patches/"), r.out());
        // a run of one environment does not judge the others' folders
        repo.delete("overlays/patch.yaml");
        repo.delete("overlays/dev/patch.yaml");
        assertEquals(0, Cli.run(repo.root(), "build", "--env", "dev").code());
    }

    /**
     * An extra resource goes to the cluster as written, so a FlinkDeployment among them is checked as the
     * operator and the API server will check it, in the root's namespace (where Argo CD applies it),
     * by a build as by a validate of the overlay file itself.
     */
    @Test
    void extraResourcesAreCheckedLikeTheEnvironmentsOwnObjects() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dev/analytics/resources/extra-job.yaml", Fixtures.OVERLAY_JOB
                .replace("parallelism: 2, upgradeMode: stateless}", "parallelism: 0, upgradeMode: stateless, bogus: 1}"));
        Cli.Result r = Cli.run(repo.root(), "build");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/extra-job.yaml:13:35: error: FlinkDeployment/analytics/extra:"
                + " job parallelism is 0, it must be at least 1 [operator-parallelism-not-positive]"), r.out());
        assertTrue(r.out().contains("overlays/dev/analytics/resources/extra-job.yaml:13:75: error: FlinkDeployment/analytics/extra:"
                + " unknown field 'spec.job.bogus' [crd-schema]"), r.out());
        Cli.Result one = Cli.run(repo.root(), "validate", "overlays/dev/analytics/resources/extra-job.yaml");
        assertEquals(1, one.code(), one.out());
        assertTrue(one.out().contains("extra-job.yaml:13:35: error: FlinkDeployment/analytics/extra: job parallelism is 0"), one.out());

        repo.file("overlays/dev/analytics/resources/extra-job.yaml", Fixtures.OVERLAY_JOB);
        Cli.Result ok = Cli.run(repo.root(), "build");
        assertEquals(0, ok.code(), ok.out() + ok.err());
    }

    /**
     * A patch of one of the operator's kinds is merged as kustomize merges it (without a schema: mappings
     * key by key, lists whole) and the result is checked whole, each finding on what the patch wrote at
     * the patch's line: a misspelt field, a wrong type, and the strategic-merge directives that kustomize
     * keeps in such an object as fields, which the API server then refuses. A list the patch replaces
     * loses what flinkops put in it.
     */
    @Test
    void patchesAreMergedAsKustomizeMergesThemAndTheResultChecked() {
        TestRepo repo = new TestRepo(dir).withSamples();
        String patch = Fixtures.stateMachinePatch("""
                spec:
                  job:
                    parallelizm: 4
                    $retainKeys: [parallelism]
                  taskManager: {resource: {cpu: "two"}}
                  podTemplate:
                    spec:
                      containers:
                        - {name: flink-main-container, env: [{name: X, value: "1"}]}
                        - {$patch: delete, name: log-shipper}
                      $setElementOrder/containers: [{name: flink-main-container}]
                  ingress: null
                """);
        repo.file("overlays/dev/analytics/patches/typo.yaml", patch);
        Cli.Result r = Cli.run(repo.root(), "build");
        assertEquals(1, r.code(), r.out());
        String at = "overlays/dev/analytics/patches/typo.yaml:";
        String object = ": error: FlinkDeployment/analytics/state-machine: ";
        for (String finding : List.of(
                "6:5" + object + "unknown field 'spec.job.parallelizm' (did you mean 'parallelism'?) [crd-schema]",
                "7:5" + object + "unknown field 'spec.job.$retainKeys' [crd-schema]",
                "8:28" + object + "spec.taskManager.resource.cpu: string found, number expected [crd-schema]",
                "13:12" + object + "unknown field 'spec.podTemplate.spec.containers[1].$patch' [crd-schema]",
                "14:7" + object + "unknown field 'spec.podTemplate.spec.$setElementOrder/containers' [crd-schema]")) {
            assertTrue(r.out().contains(at + finding), finding + "\n" + r.out());
        }
        // the patch's container list replaced flinkops' own, and with it the S3 plugin it enabled
        assertTrue(r.out().contains("warning: FlinkDeployment/analytics/state-machine: state is on s3 but no matching S3 plugin"
                + " is enabled (ENABLE_BUILT_IN_PLUGINS) [s3-plugin-missing]"), r.out());
        String replaced = at + "11:7: warning: patch of FlinkDeployment 'analytics/state-machine' replaces the list"
                + " spec.podTemplate.spec.containers whole (kustomize merges none of its items by key): 1 of its 1 items"
                + " is not in the patch as the object had it (flink-main-container) [overlay-list-replaced]";
        assertTrue(r.out().contains(replaced), r.out());
        // the delete directive kustomize keeps in the list reaches the cluster as a container without an image
        assertTrue(r.out().contains(at + "13:11: error: FlinkDeployment/analytics/state-machine: spec.podTemplate containers[1]"
                + " (log-shipper) has no image"), r.out());
        assertTrue(r.out().endsWith("6 errors, 2 warnings, 0 info; 86 objects checked\n"), r.out());

        repo.file("overlays/dev/analytics/patches/typo.yaml", patch.replace("parallelizm", "parallelism").replace("\"two\"", "2")
                .replaceAll("\\s+[$-][^\n]*(retainKeys|patch: delete|setElementOrder)[^\n]*", "")
                .replace("[{name: X, value: \"1\"}]", "[{name: X, value: \"1\"}, {name: ENABLE_BUILT_IN_PLUGINS, value: flink-s3-fs-hadoop-1.17.2.jar}]"));
        Cli.Result ok = Cli.run(repo.root(), "build");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        // the replaced list is still said, as the patch may mean it; a list of values (job arguments) is not
        assertTrue(ok.out().contains(replaced.replace(":11:7:", ":10:7:")) && ok.out().contains("0 errors, 1 warning, 0 info;"), ok.out());
        repo.file("overlays/dev/analytics/patches/typo.yaml", Fixtures.stateMachinePatch("spec: {job: {args: [--fast]}}\n"));
        Cli.Result args = Cli.run(repo.root(), "build");
        assertTrue(args.out().startsWith("0 errors, 0 warnings, 0 info;"), args.out());
        assertEquals(0, args.code(), args.out() + args.err());
    }

    /**
     * A pre-commit check of one spec reports what a patch already in the repository makes of its object,
     * at the patch's line; a patch or an extra resource checked alone counts the object it makes.
     */
    @Test
    void aSpecCheckedAloneIsJudgedAsItsPatchesMakeIt() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dev/analytics/patches/scale.yaml", Fixtures.stateMachinePatch("spec:\n  job:\n    parallelism: 0\n"));
        repo.file("overlays/dev/analytics/resources/quota.yaml", """
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: extra, namespace: analytics}
                """);
        String finding = "overlays/dev/analytics/patches/scale.yaml:6:5: error: FlinkDeployment/analytics/state-machine: "
                + "job parallelism is 0, it must be at least 1 [operator-parallelism-not-positive]";
        for (String cache : List.of("--no-cache", "--verbose")) { // the second run reads the environment's context pack
            for (int run = 0; run < 2; run++) {
                Cli.Result spec = Cli.run(repo.root(), "validate", cache, "environments/dev/state-machine.yaml");
                assertEquals(1, spec.code(), spec.out() + spec.err());
                assertTrue(spec.out().startsWith(finding + "\n") && spec.out().endsWith("1 error, 0 warnings, 0 info; 1 object checked\n"),
                        spec.out());
            }
        }
        Cli.Result other = Cli.run(repo.root(), "validate", "environments/dev/top-speed-windowing.yaml");
        assertEquals("0 errors, 0 warnings, 0 info; 1 object checked\n", other.out());
        Cli.Result patch = Cli.run(repo.root(), "validate", "overlays/dev/analytics/patches/scale.yaml");
        assertTrue(patch.out().startsWith(finding + "\n") && patch.out().endsWith("; 1 object checked\n"), patch.out());
        Cli.Result resource = Cli.run(repo.root(), "validate", "overlays/dev/analytics/resources/quota.yaml");
        assertEquals("0 errors, 0 warnings, 0 info; 1 object checked\n", resource.out());
        // a build and a whole validate count what they judged, the extra resource too, whichever filled the cache
        int built = objectsChecked(Cli.run(repo.root(), "build").out());
        assertEquals(built, objectsChecked(Cli.run(repo.root(), "validate").out()));
        assertEquals(built, objectsChecked(Cli.run(repo.root(), "validate", "--no-cache").out()));
        repo.delete("overlays/dev/analytics/resources/quota.yaml");
        assertEquals(built - 1, objectsChecked(Cli.run(repo.root(), "validate").out()));
        assertEquals(built - 1, objectsChecked(Cli.run(repo.root(), "build").out()));
    }

    private static int objectsChecked(String out) {
        String tail = out.substring(out.lastIndexOf("info; ") + 6);
        return Integer.parseInt(tail.substring(0, tail.indexOf(' ')));
    }
}
