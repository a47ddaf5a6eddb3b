package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.testing.PolicyCase;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatePathSharedTest {
    private static final String RULE = "state-path-shared";

    @TempDir
    Path dir;

    @Test
    void firesWhenAnotherJobUsesTheSamePath() {
        PolicyCase.deployment().with("copy.yaml", PolicyCase.DEPLOYMENT.replace("  name: app", "  name: copy").replace("/app/savepoints", "/copy/savepoints").replace("/app/ha", "/copy/ha")
                .replace("    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints",
                        "    # expect: state-path-shared\n    state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints/"))
                .check(dir, RULE);
    }

    @Test
    void ownPathsAreFine() {
        PolicyCase.deployment().with("job.yaml", io.flinkops.compiler.testing.Fixtures.flinkJob("job")).check(dir, RULE);
    }
}
