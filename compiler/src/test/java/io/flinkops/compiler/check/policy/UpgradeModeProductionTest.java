package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpgradeModeProductionTest {
    private static final String RULE = "upgrade-mode-production";

    @TempDir
    Path dir;

    @Test
    void firesForStatelessInProduction() {
        PolicyCase.deployment().production().change("    upgradeMode: savepoint", "    upgradeMode: stateless", RULE).check(dir, RULE);
    }

    @Test
    void statelessOutsideProductionIsFine() {
        PolicyCase.deployment().change("    upgradeMode: savepoint", "    upgradeMode: stateless").check(dir, RULE);
    }
}
