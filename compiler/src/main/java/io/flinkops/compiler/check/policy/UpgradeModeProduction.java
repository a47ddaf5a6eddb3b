package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "upgrade-mode-production",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Production jobs upgrade with last-state or savepoint",
        rationale = "A stateless upgrade starts the job from nothing: every window, join and deduplication state is "
                + "lost on each deploy, and Kafka offsets jump to whatever the source's start position says.",
        remediation = "Set spec.job.upgradeMode to savepoint (or last-state); flinkops derives the checkpoint and savepoint paths.")
public final class UpgradeModeProduction extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (t.view().production() && FlinkResources.workload(t) && t.hasJob() && "stateless".equals(t.upgradeMode())) {
            r.report(t.job().has("upgradeMode") ? "/spec/job/upgradeMode" : "/spec/job",
                    "production job uses upgradeMode stateless" + (t.job().has("upgradeMode") ? "" : " (the default)"));
        }
    }
}
