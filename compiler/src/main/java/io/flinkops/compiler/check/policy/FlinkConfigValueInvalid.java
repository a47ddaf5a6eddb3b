package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

@Rule(
        id = "flink-config-value-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Flink configuration values parse as Flink reads them",
        rationale = "The CRD types every flinkConfiguration value as text and the operator's admission reads only a few "
                + "of them, so a FlinkDeployment with taskmanager.memory.process.size: 2 GiB, state.backend.incremental: "
                + "yes or execution.checkpointing.mode: exactly-once is accepted, and the cluster then fails to start or the "
                + "job to be submitted, after a green sync (and a kubernetes.operator.* option the operator cannot read stops its "
                + "reconciliation of the resource). Checked: the common options of Flink 1.17-1.20 whose type is the "
                + "same in each (whole numbers, durations, memory sizes, fractions, booleans, enumerations), as Flink "
                + "parses them (units and enumeration names in any case), and the ranges Flink checks when it sizes the "
                + "processes and pods: a memory fraction from 0 up to, not including, 1 (managed memory's only when no "
                + "managed size is set), a cpu or memory limit factor of 1 or more. Placeholders are left to the stage that fills "
                + "them in; the options the operator sets from the spec (process memory sizes, default parallelism) are never read.",
        remediation = "Write the value as Flink reads it: a whole number (4), a duration (10 min, 30s), a memory size "
                + "(2g, 2048m, 2 gb), a fraction below 1 (0.4), a limit factor of 1 or more, true or false, or one of the option's names (EXACTLY_ONCE).")
public final class FlinkConfigValueInvalid extends RuleCheck {
    private record Type(String expected, Predicate<String> parses) {}

    private static final String OPERATOR = "kubernetes.operator.";

    private static final Type WHOLE = new Type("a whole number", v -> {
        try {
            Integer.parseInt(v.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    });
    private static final Type DURATION = new Type("a duration (such as 30 s, 10 min or 1 h)", v -> FlinkValues.durationMillis(v).isPresent());
    private static final Type MEMORY = new Type("a memory size (such as 2g, 2048m or 2 gb)", v -> FlinkValues.flinkMemory(v).isPresent());
    /** A memory fraction: Flink's RangeFraction takes 0 up to, not including, 1. */
    private static final Type UNIT_FRACTION = new Type("a fraction from 0 up to, not including, 1 (such as 0.4)",
            v -> FlinkValues.number(v).filter(d -> d >= 0 && d < 1).isPresent());
    /** A pod's limit over its request: Flink's parameters refuse a factor below 1. */
    private static final Type LIMIT_FACTOR = new Type("a factor of 1 or more (such as 1.5)",
            v -> FlinkValues.number(v).filter(d -> Double.isFinite(d) && d >= 1).isPresent());
    private static final Type BOOLEAN = new Type("true or false", v -> FlinkValues.bool(v).isPresent());
    private static final String MANAGED_FRACTION = "taskmanager.memory.managed.fraction";

    private static Type oneOf(String... names) {
        List<String> upper = List.of(names).stream().map(n -> n.toUpperCase(Locale.ROOT)).toList();
        return new Type("one of " + String.join(", ", names), v -> upper.contains(v.trim().toUpperCase(Locale.ROOT)));
    }

    private static final Map<String, Type> OPTIONS = Map.ofEntries(
            Map.entry("rest.port", WHOLE),
            Map.entry("taskmanager.numberOfTaskSlots", WHOLE),
            Map.entry("state.checkpoints.num-retained", WHOLE),
            Map.entry("execution.checkpointing.num-retained", WHOLE),
            Map.entry("execution.checkpointing.max-concurrent-checkpoints", WHOLE),
            Map.entry("execution.checkpointing.tolerable-failed-checkpoints", WHOLE),
            Map.entry("restart-strategy.fixed-delay.attempts", WHOLE),
            Map.entry("restart-strategy.failure-rate.max-failures-per-interval", WHOLE),
            Map.entry("execution.checkpointing.interval", DURATION),
            Map.entry("execution.checkpointing.timeout", DURATION),
            Map.entry("execution.checkpointing.min-pause", DURATION),
            Map.entry("restart-strategy.fixed-delay.delay", DURATION),
            Map.entry("restart-strategy.failure-rate.delay", DURATION),
            Map.entry("restart-strategy.failure-rate.failure-rate-interval", DURATION),
            Map.entry("restart-strategy.exponential-delay.initial-backoff", DURATION),
            Map.entry("restart-strategy.exponential-delay.max-backoff", DURATION),
            Map.entry("pipeline.auto-watermark-interval", DURATION),
            Map.entry("jobmanager.memory.flink.size", MEMORY),
            Map.entry("jobmanager.memory.heap.size", MEMORY),
            Map.entry("jobmanager.memory.off-heap.size", MEMORY),
            Map.entry("jobmanager.memory.jvm-metaspace.size", MEMORY),
            Map.entry("jobmanager.memory.jvm-overhead.min", MEMORY),
            Map.entry("jobmanager.memory.jvm-overhead.max", MEMORY),
            Map.entry("taskmanager.memory.flink.size", MEMORY),
            Map.entry("taskmanager.memory.task.heap.size", MEMORY),
            Map.entry("taskmanager.memory.task.off-heap.size", MEMORY),
            Map.entry("taskmanager.memory.framework.heap.size", MEMORY),
            Map.entry("taskmanager.memory.framework.off-heap.size", MEMORY),
            Map.entry("taskmanager.memory.managed.size", MEMORY),
            Map.entry("taskmanager.memory.network.min", MEMORY),
            Map.entry("taskmanager.memory.network.max", MEMORY),
            Map.entry("taskmanager.memory.jvm-metaspace.size", MEMORY),
            Map.entry("taskmanager.memory.jvm-overhead.min", MEMORY),
            Map.entry("taskmanager.memory.jvm-overhead.max", MEMORY),
            Map.entry(MANAGED_FRACTION, UNIT_FRACTION),
            Map.entry("taskmanager.memory.network.fraction", UNIT_FRACTION),
            Map.entry("taskmanager.memory.jvm-overhead.fraction", UNIT_FRACTION),
            Map.entry("jobmanager.memory.jvm-overhead.fraction", UNIT_FRACTION),
            Map.entry("kubernetes.jobmanager.cpu.limit-factor", LIMIT_FACTOR),
            Map.entry("kubernetes.taskmanager.cpu.limit-factor", LIMIT_FACTOR),
            Map.entry("kubernetes.jobmanager.memory.limit-factor", LIMIT_FACTOR),
            Map.entry("kubernetes.taskmanager.memory.limit-factor", LIMIT_FACTOR),
            Map.entry("state.backend.incremental", BOOLEAN),
            Map.entry("state.backend.local-recovery", BOOLEAN),
            Map.entry("execution.checkpointing.unaligned", BOOLEAN),
            Map.entry("execution.checkpointing.unaligned.enabled", BOOLEAN),
            Map.entry("pipeline.object-reuse", BOOLEAN),
            Map.entry("classloader.check-leaked-classloader", BOOLEAN),
            Map.entry("rest.flamegraph.enabled", BOOLEAN),
            Map.entry("execution.checkpointing.mode", oneOf("EXACTLY_ONCE", "AT_LEAST_ONCE")),
            Map.entry("execution.checkpointing.externalized-checkpoint-retention",
                    oneOf("DELETE_ON_CANCELLATION", "RETAIN_ON_CANCELLATION", "NO_EXTERNALIZED_CHECKPOINTS")),
            Map.entry("execution.runtime-mode", oneOf("STREAMING", "BATCH", "AUTOMATIC")),
            Map.entry("kubernetes.rest-service.exposed.type", oneOf("ClusterIP", "NodePort", "LoadBalancer", "Headless_ClusterIP")),
            // the operator's own options, read from the resource's configuration when it reconciles it
            Map.entry("kubernetes.operator.job.restart.failed", BOOLEAN),
            Map.entry("kubernetes.operator.job.upgrade.ignore-pending-savepoint", BOOLEAN),
            Map.entry("kubernetes.operator.job.upgrade.last-state-fallback.enabled", BOOLEAN),
            Map.entry("kubernetes.operator.job.drain-on-savepoint-deletion", BOOLEAN),
            Map.entry(OperatorKeys.MERGE_ARRAYS_BY_NAME, BOOLEAN),
            Map.entry("kubernetes.operator.savepoint.history.max.count", WHOLE),
            Map.entry("kubernetes.operator.cluster.health-check.restarts.threshold", WHOLE),
            Map.entry("kubernetes.operator.savepoint.history.max.age", DURATION),
            Map.entry("kubernetes.operator.savepoint.trigger.grace-period", DURATION),
            Map.entry("kubernetes.operator.deployment.readiness.timeout", DURATION),
            Map.entry("kubernetes.operator.cluster.health-check.restarts.window", DURATION),
            Map.entry("kubernetes.operator.savepoint.format.type", oneOf("CANONICAL", "NATIVE")));

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        // the object's own configuration: a session job's cluster settings are judged on the cluster
        t.conf().asMap().forEach((key, value) -> {
            Type type = OPTIONS.get(key);
            if (type == null || !t.object().flinkConfiguration().path(key).isTextual()
                    || Placeholders.holdsOne(value) || type.parses().test(value)) {
                return;
            }
            if (key.equals(MANAGED_FRACTION) && t.conf().contains("taskmanager.memory.managed.size")
                    && FlinkValues.number(value).isPresent()) {
                return; // Flink reads the fraction only when no managed size is set
            }
            r.report(t.conf().pointer(key, "/spec/flinkConfiguration"), key + " '" + value + "' is not " + type.expected()
                    + (key.startsWith(OPERATOR) ? ", as the operator reads it: it fails to reconcile the resource"
                            : ", as Flink reads it: the cluster or the job fails to start"));
        });
    }

    /** The type flinkops knows for an option, for tests and documentation. */
    static Optional<String> expected(String key) {
        return Optional.ofNullable(OPTIONS.get(key)).map(Type::expected);
    }
}
