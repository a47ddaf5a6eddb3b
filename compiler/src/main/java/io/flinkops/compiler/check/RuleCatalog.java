package io.flinkops.compiler.check;

import io.flinkops.compiler.check.operator.AutoscalerOptionInvalid;
import io.flinkops.compiler.check.operator.CheckpointDirMissing;
import io.flinkops.compiler.check.operator.EphemeralStorageInvalid;
import io.flinkops.compiler.check.operator.FlinkVersionMissing;
import io.flinkops.compiler.check.operator.FlinkVersionUnsupported;
import io.flinkops.compiler.check.operator.ForbiddenConfigKey;
import io.flinkops.compiler.check.operator.HealthCheckWithoutRecovery;
import io.flinkops.compiler.check.operator.IngressTemplateInvalid;
import io.flinkops.compiler.check.operator.JobManagerReplicasInvalid;
import io.flinkops.compiler.check.operator.LastStateWithoutHa;
import io.flinkops.compiler.check.operator.LogConfigKeyInvalid;
import io.flinkops.compiler.check.operator.MemoryInvalid;
import io.flinkops.compiler.check.operator.MemoryMissing;
import io.flinkops.compiler.check.operator.NameInvalid;
import io.flinkops.compiler.check.operator.NumberOutOfRange;
import io.flinkops.compiler.check.operator.QuantityUnreadable;
import io.flinkops.compiler.check.operator.ParallelismNotPositive;
import io.flinkops.compiler.check.operator.RollbackWithoutHa;
import io.flinkops.compiler.check.operator.SavepointDirMissing;
import io.flinkops.compiler.check.operator.ServiceAccountMissing;
import io.flinkops.compiler.check.operator.SessionJobLastState;
import io.flinkops.compiler.check.operator.SessionJobMissingJob;
import io.flinkops.compiler.check.operator.SessionJobTargetsApplication;
import io.flinkops.compiler.check.operator.StateSnapshotInvalid;
import io.flinkops.compiler.check.operator.TaskManagerReplicasInvalid;
import io.flinkops.compiler.check.schema.CrdSchemaViolation;
import io.flinkops.compiler.check.schema.LimitRangeInvalid;
import io.flinkops.compiler.check.schema.MetadataInvalid;
import io.flinkops.compiler.check.schema.ObjectTooLarge;
import io.flinkops.compiler.check.schema.QuantityInvalid;
import io.flinkops.compiler.check.policy.PolicyRules;
import io.flinkops.compiler.schema.CrdSchemas;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Every built-in rule, as an explicit list (searchable, no class-path scanning). A catalogue test
 * checks that each rule class is listed here, documented, and tested.
 */
public final class RuleCatalog {
    private final List<RuleCheck> rules;

    private RuleCatalog(List<RuleCheck> rules) {
        List<RuleCheck> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparing((RuleCheck r) -> r.info().category()).thenComparing(r -> r.info().id()));
        this.rules = List.copyOf(sorted);
    }

    public static RuleCatalog builtIn(CrdSchemas schemas) {
        List<RuleCheck> rules = new ArrayList<>(List.of(
                new CrdSchemaViolation(schemas),
                new MetadataInvalid(),
                new ObjectTooLarge(),
                new LimitRangeInvalid(),
                new QuantityInvalid(),
                new AutoscalerOptionInvalid(),
                new CheckpointDirMissing(),
                new EphemeralStorageInvalid(),
                new QuantityUnreadable(),
                new FlinkVersionMissing(),
                new FlinkVersionUnsupported(),
                new ForbiddenConfigKey(),
                new HealthCheckWithoutRecovery(),
                new IngressTemplateInvalid(),
                new JobManagerReplicasInvalid(),
                new LastStateWithoutHa(),
                new LogConfigKeyInvalid(),
                new MemoryInvalid(),
                new MemoryMissing(),
                new NameInvalid(),
                new ParallelismNotPositive(),
                new NumberOutOfRange(),
                new RollbackWithoutHa(),
                new SavepointDirMissing(),
                new ServiceAccountMissing(),
                new SessionJobLastState(),
                new SessionJobMissingJob(),
                new SessionJobTargetsApplication(),
                new StateSnapshotInvalid(),
                new TaskManagerReplicasInvalid()));
        rules.addAll(PolicyRules.all());
        return new RuleCatalog(rules);
    }

    public List<RuleCheck> rules() {
        return rules;
    }

    /** Every rule and stage finding, sorted by category and id. */
    public List<RuleInfo> infos() {
        List<RuleInfo> all = new ArrayList<>(rules.stream().map(RuleCheck::info).toList());
        all.addAll(StageFindings.all());
        all.sort(Comparator.comparing(RuleInfo::category).thenComparing(RuleInfo::id));
        return all;
    }

    /** The built-in rule with this id (not an alias). */
    public Optional<RuleCheck> check(String id) {
        return rules.stream().filter(r -> r.info().id().equals(id)).findFirst();
    }

    /**
     * Whether policy sets can turn the rule off, change its severity or except objects from it: the
     * rules over emitted objects can; the findings of the load and policy stages cannot.
     */
    public boolean configurable(String idOrAlias) {
        return find(idOrAlias).flatMap(info -> check(info.id())).isPresent();
    }

    /** A rule by id or former id. */
    public Optional<RuleInfo> find(String idOrAlias) {
        return infos().stream().filter(i -> i.id().equals(idOrAlias) || i.aliases().contains(idOrAlias)).findFirst();
    }
}
