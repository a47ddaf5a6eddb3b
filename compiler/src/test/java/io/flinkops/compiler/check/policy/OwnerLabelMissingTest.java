package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerLabelMissingTest {
    private static final String RULE = "owner-label-missing";

    @TempDir
    Path dir;

    @Test
    void firesWithoutTeamOrOwner() {
        PolicyCase.deployment().change("  labels:", "  labels:", RULE).change("    flinkops.io/team: data", "    app: app").check(dir, RULE);
    }

    @Test
    void ownerLabelIsEnough() {
        PolicyCase.deployment().change("    flinkops.io/team: data", "    flinkops.io/owner: alice").check(dir, RULE);
    }
}
