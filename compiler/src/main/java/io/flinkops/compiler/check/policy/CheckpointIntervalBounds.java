package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "checkpoint-interval-bounds",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "The checkpoint interval is neither too short nor too long",
        rationale = "Checkpoints every few seconds spend the job's time on snapshots and flood S3 with requests; "
                + "checkpoints an hour apart make every restart replay an hour of input.",
        remediation = "Choose an interval between the rule's bounds, typically 30s to 5min.",
        parameters = {"min=10s: shortest interval", "max=30min: longest interval"})
public final class CheckpointIntervalBounds extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return FlinkValues.durationMillis(value).isPresent() ? Optional.empty()
                : Optional.of("'" + value + "' is not a duration (like 10s, 5min or 1h)");
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        Optional<String> interval = t.conf().get(CheckpointingDisabled.INTERVAL);
        if (interval.isEmpty()) {
            return;
        }
        String at = t.conf().pointer("execution.checkpointing.interval", "/spec/flinkConfiguration");
        Optional<Long> ms = FlinkValues.durationMillis(interval.get());
        if (ms.isEmpty()) {
            return; // flink-config-value-invalid's
        }
        long min = FlinkValues.durationMillis(r.param("min")).orElse(0L);
        long max = FlinkValues.durationMillis(r.param("max")).orElse(Long.MAX_VALUE);
        if (ms.get() < min) {
            r.report(at, "checkpoint interval " + interval.get() + " is shorter than " + r.param("min"));
        } else if (ms.get() > max) {
            r.report(at, "checkpoint interval " + interval.get() + " is longer than " + r.param("max"));
        }
    }
}
