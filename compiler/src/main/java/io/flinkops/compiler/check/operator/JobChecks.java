package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;

/** When the operator runs its job checks: a deployment's job, or a session job whose cluster is known. */
final class JobChecks {
    private JobChecks() {}

    static boolean applies(CheckTarget t) {
        if (!t.hasJob()) {
            return false;
        }
        return t.isDeployment() || (t.isSessionJob() && t.sessionCluster().isPresent());
    }
}
