package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;

@Rule(
        id = "pod-template-merged-by-position",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "A component's pod template does not merge items of other names into the shared template's",
        rationale = "The operator lays spec.jobManager.podTemplate and spec.taskManager.podTemplate over spec.podTemplate "
                + "item by item, by position, unless kubernetes.operator.pod-template.merge-arrays-by-name is true (its "
                + "default is false). A sidecar listed first in a component's template is then merged into the shared "
                + "template's first container, flink-main-container as a rule: the pod gets one container under the "
                + "sidecar's name with the settings of both, and the main container's environment (the S3 plugin, "
                + "credentials) and mounts are lost; a component's volume replaces the shared one at its position, so "
                + "mounts of that one fail. The operator's default configuration counts when environment.yaml names it "
                + "(spec.operator.defaultConfiguration); a warning, as it may be set where flinkops does not look.",
        remediation = "Set kubernetes.operator.pod-template.merge-arrays-by-name: \"true\" in spec.flinkConfiguration (or in "
                + "the operator's default configuration, and in spec.operator.defaultConfiguration), or list the component's items at the positions of the shared ones "
                + "they extend, with the same names.")
public final class PodTemplateMergedByPosition extends RuleCheck {
    static final String BY_NAME = "kubernetes.operator.pod-template.merge-arrays-by-name";
    private static final String[] LISTS = {"containers", "initContainers", "volumes"};

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || t.admissionConf().get(BY_NAME).flatMap(FlinkValues::bool).orElse(false)) {
            return;
        }
        JsonNode shared = t.spec().path("podTemplate").path("spec");
        for (String component : new String[] {"jobManager", "taskManager"}) {
            JsonNode template = t.spec().path(component).path("podTemplate").path("spec");
            for (String list : LISTS) {
                JsonNode over = template.path(list);
                JsonNode under = shared.path(list);
                for (int i = 0; over.isArray() && under.isArray() && i < Math.min(over.size(), under.size()); i++) {
                    String overName = over.get(i).path("name").asText("");
                    String underName = under.get(i).path("name").asText("");
                    if (!overName.isEmpty() && !underName.isEmpty() && !overName.equals(underName)) {
                        String pod = component.equals("jobManager") ? "JobManager" : "TaskManager";
                        r.report("/spec/" + component + "/podTemplate/spec/" + list + "/" + i + "/name",
                                "spec." + component + ".podTemplate " + list + "[" + i + "] (" + overName + ") is merged by "
                                + "position into spec.podTemplate " + list + "[" + i + "] (" + underName + "): the " + pod
                                + " pod gets one item named " + overName + " with the settings of both, and " + underName + " is gone");
                    }
                }
            }
        }
    }
}
