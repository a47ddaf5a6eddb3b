package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
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
    void savepointModeDoesNotNeedIt() {
        PolicyCase.deployment().change("    high-availability.type: kubernetes", "    high-availability.type: none").check(dir, RULE);
    }
}
