package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.cache.ResultCache;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator lays its own default configuration (its Helm chart's defaultConfiguration) under every
 * resource's flinkConfiguration, and admits a resource on the two together: environment.yaml's
 * spec.operator.defaultConfiguration is that configuration, in every run, with the cache or without.
 */
class OperatorDefaultsTest {
    private static final String ENVIRONMENT = "environments/dev/environment.yaml";
    private static final String APP = "environments/dev/app.yaml";
    /** Admitted by operator 1.7.0 only when its defaults turn HA on and size the JobManager (checked with its DefaultValidator). */
    private static final String DEPLOYMENT = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: app, namespace: jobs, labels: {flinkops.io/team: data}}
            spec:
              image: flink:1.17.2
              flinkVersion: v1_17
              serviceAccount: flink
              flinkConfiguration: {taskmanager.numberOfTaskSlots: "2", execution.checkpointing.interval: 60s}
              jobManager: {replicas: 2, resource: {cpu: 1}}
              podTemplate:
                spec:
                  containers: [{name: flink-main-container, env: [{name: A, value: "1"}]}]
              taskManager:
                resource: {memory: 2g, cpu: 1}
                podTemplate:
                  spec:
                    containers: [{name: sidecar, image: "busybox:1.36"}]
              job: {jarURI: "local:///opt/flink/usrlib/app.jar", parallelism: 2, upgradeMode: last-state}
            """;
    private static final String DEFAULTS = """
                defaultConfiguration:
                  high-availability.type: kubernetes
                  high-availability.storageDir: s3://acme-flink-state/dev/ha
                  jobmanager.memory.process.size: 1600m
                  kubernetes.operator.pod-template.merge-arrays-by-name: true
            """;
    private static final List<String> RULES = List.of("operator-jobmanager-replicas-invalid", "operator-last-state-without-ha",
            "operator-memory-missing", "pod-template-merged-by-position");

    @TempDir
    Path dir;

    private TestRepo repo;

    @BeforeEach
    void repository() {
        repo = new TestRepo(dir).file(ENVIRONMENT, Fixtures.environment("dev", "1.7.0", false))
                .file("policies/baseline.yaml", Fixtures.BASELINE).file(APP, DEPLOYMENT);
    }

    private List<String> findings(ResultCache cache, Set<String> files) {
        CompileRequest request = CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY).withEnvironment("dev");
        Compiler compiler = new Compiler();
        CompileResult result = files.isEmpty() ? compiler.compile(request, cache, Compiler.Output.FINDINGS_ONLY)
                : compiler.compile(request, cache, Compiler.Output.FINDINGS_ONLY, files);
        List<Diagnostic> unread = result.diagnostics().stream().filter(d -> d.category() == Category.PARSE).toList();
        assertEquals(List.of(), unread, "the repository reads");
        return result.diagnostics().stream().map(Diagnostic::rule).filter(RULES::contains).sorted().toList();
    }

    @Test
    void theOperatorsDefaultsCountAsItsAdmissionCountsThem() {
        assertEquals(RULES, findings(null, Set.of()));
        repo.edit(ENVIRONMENT, "    watchNamespaces: [jobs]\n", "    watchNamespaces: [jobs]\n" + DEFAULTS);
        assertEquals(List.of(), findings(null, Set.of()));
    }

    @Test
    void aChangeOfTheDefaultsIsNeverServedFromTheCache() {
        ResultCache cache = new ResultCache(dir.resolve("build/cache"));
        assertEquals(RULES, findings(cache, Set.of()));
        assertEquals(RULES, findings(cache, Set.of(APP))); // from the environment's context pack
        repo.edit(ENVIRONMENT, "    watchNamespaces: [jobs]\n", "    watchNamespaces: [jobs]\n" + DEFAULTS);
        assertEquals(List.of(), findings(cache, Set.of(APP)));
        assertEquals(List.of(), findings(cache, Set.of()));
        repo.edit(ENVIRONMENT, "high-availability.type: kubernetes", "high-availability.type: none");
        assertEquals(List.of("operator-jobmanager-replicas-invalid", "operator-last-state-without-ha"), findings(cache, Set.of(APP)));
    }

    @Test
    void aDefaultYamlReadsOtherThanWrittenIsNamed() {
        repo.edit(ENVIRONMENT, "    watchNamespaces: [jobs]\n", "    watchNamespaces: [jobs]\n"
                + "    defaultConfiguration:\n      kubernetes.operator.savepoint.history.max.count: 010\n");
        CompileRequest request = CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY).withEnvironment("dev");
        List<Diagnostic> found = new Compiler().compile(request, null, Compiler.Output.FINDINGS_ONLY).diagnostics().stream()
                .filter(d -> d.rule().equals("spec-invalid")).toList();
        assertEquals(1, found.size(), found.toString());
        assertEquals(ENVIRONMENT + ":12:56", found.get(0).location().toString());
        assertEquals("Environment spec.operator.defaultConfiguration.kubernetes.operator.savepoint.history.max.count: 010 reads"
                + " as the number 8 and would reach Flink as \"8\"", found.get(0).message());
    }
}
