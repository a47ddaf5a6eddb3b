package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HighAvailabilityMissingTest {
    private static final String RULE = "high-availability-missing";

    @TempDir
    Path dir;

    @Test
    void firesForLastStateWithoutHa() {
        PolicyCase.deployment().change("    high-availability.type: kubernetes", "    high-availability.type: none")
                .change("    upgradeMode: savepoint", "    upgradeMode: last-state", RULE).check(dir, RULE);
    }

    @Test
    void emrOnEksTurnsItOnUnlessTheJobManagerSaysNot() {
        String lastState = "  job: {jarURI: \"local:///job.jar\", parallelism: 2, upgradeMode: last-state}\n";
        String emr = "  emrReleaseLabel: emr-6.15.0-flink-latest\n";
        RuleTester.forRule(RULE).raw("1.10.0", job(emr + Fixtures.RESOURCES, lastState)
                + "---\n" + job(emr + Fixtures.RESOURCES.replace("jobManager: {", "jobManager: {highAvailabilityEnabled: false, "),
                        "  # expect: high-availability-missing\n" + lastState).replace("name: app", "name: b")
                + "---\n" + job(Fixtures.RESOURCES, "  # expect: high-availability-missing\n" + lastState).replace("name: app", "name: c"));
    }

    private static String job(String body, String job) {
        return Fixtures.rawDeployment(body).replace("  job: {jarURI: \"local:///job.jar\", parallelism: 2}\n", job);
    }

    @Test
    void savepointModeDoesNotNeedIt() {
        PolicyCase.deployment().change("    high-availability.type: kubernetes", "    high-availability.type: none").check(dir, RULE);
    }
}
