package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.MergedPods.Pod;

/**
 * A rule that judges the pods the operator makes of a FlinkDeployment's pod templates (the JobManager's and the
 * TaskManagers', each the shared template with the component's laid over it), each finding reported once even where
 * both pods hold the item it is about.
 */
abstract class MergedPodRule extends RuleCheck {
    @Override
    public final void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        checkTemplates(t, r);
        MergedPods merged = MergedPods.of(t);
        PodFindings out = new PodFindings();
        for (Pod pod : merged.pods()) {
            judge(merged, pod, out);
        }
        out.report(r, merged.pods().size());
    }

    /** Judges one merged pod. */
    abstract void judge(MergedPods merged, Pod pod, PodFindings out);

    /** What the rule judges of the object apart from its merged pods: the templates as written, the spec. */
    void checkTemplates(CheckTarget t, Reporter r) {}
}
