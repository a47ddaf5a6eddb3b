package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import java.util.Optional;

/** Which objects policy rules look at: Flink clusters and session jobs. */
final class FlinkResources {
    private FlinkResources() {}

    static boolean workload(CheckTarget t) {
        return t.isDeployment() || t.isSessionJob();
    }

    /** taskmanager.numberOfTaskSlots (Flink's default 1 when unset); empty when it is not a whole number. */
    static Optional<Long> taskSlots(CheckTarget t) {
        try {
            return Optional.of(Long.parseLong(t.admissionConf().get("taskmanager.numberOfTaskSlots").orElse("1").trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
