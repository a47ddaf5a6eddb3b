package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "pod-template-taskmanager-deadline",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "TaskManager pods have no activeDeadlineSeconds",
        rationale = "In native mode Flink creates each TaskManager as a bare pod from the merged pod template, "
                + "activeDeadlineSeconds included. Kubernetes takes it, and the kubelet then kills every TaskManager that "
                + "many seconds after it started (DeadlineExceeded): the job fails over, Flink asks for new TaskManagers, and "
                + "the cycle repeats for as long as the job runs, or a batch job that outlives the deadline never finishes. "
                + "A warning, as a deadline on a batch job's TaskManagers may be meant; the JobManager's and standalone "
                + "TaskManagers' are errors of pod-template-spec-invalid, since their Deployments take none.",
        remediation = "Remove activeDeadlineSeconds from the TaskManagers' pod template (and from spec.podTemplate); bound a "
                + "job's run time in the job itself or with a Kubernetes CronJob that suspends it.")
public final class PodTemplateTaskManagerDeadline extends RuleCheck {
    private static final String FIELD = "spec/activeDeadlineSeconds";

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        MergedPods merged = MergedPods.of(t);
        if (merged.standalone()) {
            return;
        }
        Pod pod = merged.pod("taskManager");
        JsonNode deadline = pod.spec().path("activeDeadlineSeconds");
        if (deadline.canConvertToLong() && deadline.isIntegralNumber() && deadline.asLong() >= 1 && deadline.asLong() <= Integer.MAX_VALUE) {
            String at = merged.writer(pod, FIELD);
            r.report(at, MergedPods.path(at) + " is " + deadline.asText() + ": the kubelet kills every TaskManager pod "
                    + deadline.asText() + " s after it starts, and the job fails over each time");
        }
    }
}
