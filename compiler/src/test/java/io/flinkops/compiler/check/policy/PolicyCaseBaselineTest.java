package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fixture the policy rule tests change must itself be clean, or their near-misses prove nothing. */
class PolicyCaseBaselineTest {
    @TempDir
    Path dir;

    @Test
    void fixturePassesEveryRuleInProduction() {
        TestRepo repo = new TestRepo(dir)
                .file("environments/dev/environment.yaml", Fixtures.environment("dev", "1.7.0", true))
                .file("policies/baseline.yaml", Fixtures.BASELINE)
                .file("environments/dev/app.yaml", PolicyCase.DEPLOYMENT)
                .file("environments/dev/job.yaml", Fixtures.flinkJob("job"));
        var result = RuleTester.compile(repo);
        assertEquals("", RuleTester.describe(result.diagnostics().stream().filter(d -> d.severity() != Severity.INFO).toList()));
        // no spec.argocd.repoURL in this environment: no Argo CD objects pointing at a made-up repository
        assertEquals(0, result.environments().get(0).objects().stream().filter(o -> o.apiVersion().startsWith("argoproj.io/")).count());
    }
}
