package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;

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
                + "mounts of that one fail; within a container merged into itself, the same goes for its own env, "
                + "volumeMounts and ports (a TaskManager's first variable takes the place of the S3 plugin's). The "
                + "operator's default configuration counts when environment.yaml names it "
                + "(spec.operator.defaultConfiguration); a warning, as it may be set where flinkops does not look.",
        remediation = "Set kubernetes.operator.pod-template.merge-arrays-by-name: \"true\" in spec.flinkConfiguration (or in "
                + "the operator's default configuration, and in spec.operator.defaultConfiguration), or list the component's items at the positions of the shared ones "
                + "they extend, with the same names.")
public final class PodTemplateMergedByPosition extends RuleCheck {
    private static final String[] LISTS = {"containers", "initContainers", "volumes"};
    /** A container's own lists of named items, merged by position too when the container is merged into itself. */
    private static final List<String> NESTED = List.of("env", "volumeMounts", "ports");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || PodTemplateMerge.byName(t)) {
            return;
        }
        JsonNode shared = t.spec().path("podTemplate").path("spec");
        for (String component : new String[] {"jobManager", "taskManager"}) {
            JsonNode template = t.spec().path(component).path("podTemplate").path("spec");
            String pod = component.equals("jobManager") ? "JobManager pod" : "TaskManager pods";
            for (String list : LISTS) {
                compare(template.path(list), shared.path(list), "/spec/" + component + "/podTemplate/spec/" + list,
                        "spec." + component + ".podTemplate " + list, "spec.podTemplate " + list, pod,
                        list.equals("volumes") ? List.of() : NESTED, r);
            }
        }
    }

    /**
     * Items of one list at one position in both templates, which the merge makes one: a warning where their
     * names differ, and, in two items of one name (a container and itself), the same for their own lists.
     */
    private static void compare(JsonNode over, JsonNode under, String pointer, String overWhere, String underWhere, String pod,
            List<String> nested, Reporter r) {
        for (int i = 0; over.isArray() && under.isArray() && i < Math.min(over.size(), under.size()); i++) {
            String overName = over.get(i).path("name").asText("");
            String underName = under.get(i).path("name").asText("");
            if (overName.isEmpty() || underName.isEmpty()) {
                continue;
            }
            if (!overName.equals(underName)) {
                r.report(pointer + "/" + i + "/name", overWhere + "[" + i + "] (" + overName + ") is merged by position into "
                        + underWhere + "[" + i + "] (" + underName + "): the " + pod + " get" + (pod.endsWith("s") ? "" : "s")
                        + " one item named " + overName + " with the settings of both, and " + underName + " is gone");
            } else {
                for (String list : nested) {
                    compare(over.get(i).path(list), under.get(i).path(list), pointer + "/" + i + "/" + list,
                            overWhere + "[" + i + "] (" + overName + ") " + list, underWhere + "[" + i + "] " + list, pod, List.of(), r);
                }
            }
        }
    }
}
