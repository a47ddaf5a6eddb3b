package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NamespaceQuotaExceededTest {
    private static final String RULE = "[namespace-quota-exceeded]";

    @TempDir
    Path dir;

    /** The samples' dev analytics namespace (quota: requests.cpu 16, requests.memory 64Gi, pods 40) with another quota. */
    private TestRepo withQuota(String quota) {
        TestRepo repo = new TestRepo(dir).withSamples();
        String env = repo.read("environments/dev/environment.yaml");
        int from = env.indexOf("      quota:");
        int to = env.indexOf("    - name: clickstream");
        return repo.file("environments/dev/environment.yaml", env.substring(0, from) + quota + env.substring(to));
    }

    @Test
    void firesOnTheQuotaLineTheClustersExceed() {
        Cli.Result r = Cli.run(withQuota("""
                      quota:
                        requests.cpu: 2500m
                        limits.memory: 100Gi
                        count/flinkdeployments.flink.apache.org: "1"
                        count/flinksessionjobs.flink.apache.org: "0"
                """).root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:30:9: error: ResourceQuota/analytics/flink-quota: the 2 Flink cluster(s)"
                + " and 1 session job(s) of namespace analytics need requests.cpu 6.5, over the quota of 2500m: pods beyond it are refused and their jobs do not run "
                + RULE), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:32:9: error: ResourceQuota/analytics/flink-quota: the 2 Flink cluster(s)"
                + " and 1 session job(s) of namespace analytics need count/flinkdeployments.flink.apache.org 2, over the quota of 1:"
                + " the API server refuses the resources beyond it " + RULE), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:33:9: error: ResourceQuota/analytics/flink-quota: the 2 Flink cluster(s)"
                + " and 1 session job(s) of namespace analytics need count/flinksessionjobs.flink.apache.org 1, over the quota of 0"), r.out());
        assertEquals(3, r.out().lines().filter(l -> l.endsWith(RULE)).count(), r.out());
    }

    /** A value fails both the text and the number form of the schema; it is one finding, in words. */
    @Test
    void aQuotaThatIsNoQuantityIsOneFinding() {
        Cli.Result r = Cli.run(withQuota("""
                      quota:
                        requests.cpu: lots
                        limits.memory: -1
                """).root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:30:9: error: Environment spec.namespaces[0].quota.requests.cpu:"
                + " 'lots' is not a Kubernetes quantity (such as 500m, 4 or 16Gi) [spec-invalid]"), r.out());
        assertTrue(r.out().contains("environments/dev/environment.yaml:31:9: error: Environment spec.namespaces[0].quota.limits.memory:"
                + " '-1' is not a Kubernetes quantity"), r.out());
        assertEquals(2, r.out().lines().filter(l -> l.endsWith("[spec-invalid]")).count(), r.out());
    }

    @Test
    void theSamplesFitTheirQuota() {
        Cli.Result r = Cli.run(new TestRepo(dir).withSamples().root(), "validate");
        assertEquals(0, r.code(), r.out());
        assertFalse(r.out().contains(RULE), r.out());
    }

    @Test
    void aRenderedStreamIsCheckedToo() {
        RuleTester.forRule("namespace-quota-exceeded").raw("1.10.0", """
                apiVersion: v1
                kind: ResourceQuota
                metadata: {name: q, namespace: jobs}
                spec:
                  hard:
                    # expect: namespace-quota-exceeded
                    requests.memory: 3Gi
                    # expect: namespace-quota-exceeded
                    pods: "2"
                    requests.cpu: "4"
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: jobs}
                spec:
                  flinkVersion: v1_17
                  serviceAccount: flink
                  flinkConfiguration: {taskmanager.numberOfTaskSlots: "2"}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 2g, cpu: 1}}
                  job: {jarURI: "local:///job.jar", parallelism: 3}
                """);
    }
}
