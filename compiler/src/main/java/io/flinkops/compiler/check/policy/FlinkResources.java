package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;

/** Which objects policy rules look at: Flink clusters and session jobs. */
final class FlinkResources {
    private FlinkResources() {}

    static boolean workload(CheckTarget t) {
        return t.isDeployment() || t.isSessionJob();
    }
}
