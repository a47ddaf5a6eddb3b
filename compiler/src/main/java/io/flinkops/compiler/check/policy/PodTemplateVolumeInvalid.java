package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.check.policy.PodTemplateVolumes.PodVolume;
import io.flinkops.compiler.check.policy.PodTemplateVolumes.Volume;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

@Rule(
        id = "pod-template-volume-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Each pod gets volumes Kubernetes takes from the merged pod templates",
        rationale = "The operator merges a component's pod template into the shared one before it makes the JobManager "
                + "Deployment and the TaskManager pods; by position (its default, unless "
                + "kubernetes.operator.pod-template.merge-arrays-by-name is true) a component's volume is laid over the "
                + "shared volume at its index, map into map. A volume in a pod must have one source (emptyDir, configMap, "
                + "secret, persistentVolumeClaim, ...), a name that is a DNS label, and a name no other volume of the pod "
                + "has; the API server does not read the templates and the operator does not check them, so a "
                + "FlinkDeployment is admitted whose pods Kubernetes refuses, and the job never starts. A component's "
                + "configMap volume listed first over a shared emptyDir becomes one volume with two sources; a component "
                + "that lists the shared volumes in another order gives the pod two volumes of one name. Flink adds a "
                + "volume named flink-config-volume to every pod itself, so a template's volume of that name (one copied "
                + "from a running JobManager's Deployment) is a second one.",
        remediation = "Give each volume one source and a DNS-label name (not flink-config-volume, which is Flink's); in a "
                + "component's template, list the shared "
                + "template's volumes first, at their positions, and its own after them (or set "
                + "kubernetes.operator.pod-template.merge-arrays-by-name: \"true\").")
public final class PodTemplateVolumeInvalid extends RuleCheck {
    private static final String REFUSED = PodSpecNames.REFUSED;
    /** The volume Flink's FlinkConfMountDecorator appends to every JobManager and TaskManager pod, whatever the template has. */
    private static final String FLINK_CONFIG_VOLUME = "flink-config-volume";

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        String merge = PodTemplateMerge.byName(t) ? "by name" : "by position";
        MergedPods merged = MergedPods.of(t);
        Set<String> reported = new HashSet<>(); // a volume of the shared template is in both pods
        for (Pod p : merged.pods()) {
            String pod = p.label();
            Map<String, PodVolume> names = new HashMap<>();
            for (PodVolume v : PodTemplateVolumes.of(merged, p)) {
                Volume last = v.from().get(v.from().size() - 1);
                String what = v.from().size() == 1 ? last.where()
                        : last.where() + " (merged " + merge + " over " + v.from().get(0).where() + ")";
                if (v.sources().size() > 1) {
                    report(r, reported, last.pointer(), what + (v.from().size() == 1 ? " has" : " gives the " + pod + " a volume with")
                            + " more than one source (" + String.join(", ", v.sources()) + ")");
                }
                if (v.name() == null) {
                    report(r, reported, last.pointer(), what + " has no name");
                } else if (!Placeholders.holdsOne(v.name())) {
                    if (!PodSpecNames.isDnsLabel(v.name())) {
                        report(r, reported, last.pointer() + "/name", what + " is named '" + v.name() + "', which is not a DNS label"
                                + " (lower-case letters, digits and '-', at most 63)");
                    } else if (v.name().equals(FLINK_CONFIG_VOLUME)) {
                        report(r, reported, last.pointer() + "/name", what + " is named '" + v.name() + "', as the volume Flink adds to"
                                + " every pod itself, for its configuration, is");
                    }
                    PodVolume before = names.putIfAbsent(v.name(), v);
                    if (before != null) {
                        boolean sharedAlone = v.from().size() == 1 && before.from().size() == 1 && last.where().startsWith("spec.podTemplate")
                                && before.from().get(0).where().startsWith("spec.podTemplate");
                        report(r, reported, last.pointer() + "/name", what + (sharedAlone ? " is" : " gives the " + pod + " a second volume")
                                + " named '" + v.name() + "', as " + before.from().get(before.from().size() - 1).where() + " is");
                    }
                }
            }
        }
    }

    private static void report(Reporter r, Set<String> reported, String pointer, String message) {
        if (reported.add(pointer + "\n" + message)) {
            r.report(pointer, message + REFUSED);
        }
    }
}
