package io.flinkops.compiler.check.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LimitRangeInvalidTest {
    private static final String RULE = "limit-range-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnValuesOutOfOrderAndOnPodDefaults() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults, namespace: jobs}
                spec:
                  limits:
                    - type: Container
                      min: {cpu: 10m}
                      max: {memory: 1Gi}
                      default: {cpu: 500m, memory: 512Mi}
                      defaultRequest:
                        # expect: limit-range-invalid
                        memory: 1.5Gi
                        cpu: 0.1
                    - type: Pod
                      # expect: limit-range-invalid
                      default: {cpu: "1"}
                      max: {cpu: "4"}
                """);
        assertTrue(found.stream().anyMatch(d -> d.message().endsWith(
                "defaultRequest memory 1.5Gi is over default 512Mi: the API server refuses the LimitRange")), RuleTester.describe(found));
        assertTrue(found.stream().anyMatch(d -> d.message().endsWith(
                "defaultRequest memory 1.5Gi is over max 1Gi: the API server refuses the LimitRange")), RuleTester.describe(found));
        assertTrue(found.stream().anyMatch(d -> d.message().endsWith("default is not allowed for type Pod (only containers get defaults)")),
                RuleTester.describe(found));
    }

    @Test
    void silentOnAnOrderedLimitRange() {
        RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: v1
                kind: LimitRange
                metadata: {name: defaults, namespace: jobs}
                spec:
                  limits:
                    - type: Container
                      min: {cpu: 10m, memory: 16Mi}
                      max: {cpu: "2", memory: 2Gi}
                      default: {cpu: 1, memory: 1Gi}
                      defaultRequest: {cpu: 100m, memory: 1024Mi}
                    - type: Pod
                      max: {cpu: "4"}
                """);
    }

    /** flinkops' own LimitRange, from environment.yaml: the finding names the line the user wrote. */
    @Test
    void containerDefaultsWithARequestOverTheLimitNameTheirLine() {
        TestRepo repo = new TestRepo(dir).withSamples();
        String env = repo.read("environments/dev/environment.yaml");
        repo.file("environments/dev/environment.yaml", env.replace("requests: {cpu: 100m, memory: 128Mi}", "requests: {cpu: 100m, memory: 512Mi}"));
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out());
        String line = env.substring(0, env.indexOf("requests: {cpu: 100m")).lines().count() + "";
        assertTrue(r.out().contains("environments/dev/environment.yaml:" + line + ":"), r.out());
        assertTrue(r.out().contains("error: LimitRange/analytics/flink-container-defaults: defaultRequest memory 512Mi is over default 256Mi:"
                + " the API server refuses the LimitRange [limit-range-invalid]"), r.out());
    }
}
