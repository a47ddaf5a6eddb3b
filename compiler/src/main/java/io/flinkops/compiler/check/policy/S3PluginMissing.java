package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Rule(
        id = "s3-plugin-missing",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "The S3 filesystem plugin for the scheme in use is enabled",
        rationale = "The official Flink images ship the S3 plugins disabled; without ENABLE_BUILT_IN_PLUGINS naming "
                + "flink-s3-fs-hadoop (s3, s3a) or flink-s3-fs-presto (s3, s3p), the first checkpoint fails with "
                + "'Could not find a file system implementation for scheme'. Both the JobManager (checkpoint metadata, HA, "
                + "savepoints) and the TaskManagers (checkpoint data) need it: the variable counts where it reaches each "
                + "one's flink-main-container, after the operator merges the component's pod template over the shared one "
                + "(by position, a TaskManager template's env list replaces the shared one's items at its indexes), or "
                + "through containerized.master.env.ENABLE_BUILT_IN_PLUGINS and containerized.taskmanager.env.ENABLE_BUILT_IN_PLUGINS. "
                + "Custom images that copy the plugin in may ignore this.",
        remediation = "Add ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-<flink version>.jar to the flink-main-container (flinkops does for its own kinds).")
public final class S3PluginMissing extends RuleCheck {
    private static final String PLUGINS = "ENABLE_BUILT_IN_PLUGINS";
    private static final String MAIN = "flink-main-container";
    private static final Map<String, String> ENV_PREFIX =
            Map.of("jobManager", "containerized.master.env.", "taskManager", "containerized.taskmanager.env.");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || t.isEmrFlavour()) {
            return; // EMR's images read S3 through EMRFS, with no plugin to enable
        }
        List<String> schemes = new ArrayList<>();
        StatePaths.of(t).values().forEach(p -> schemes.add(StatePaths.scheme(p)));
        boolean needsHadoop = schemes.contains("s3a");
        boolean needsPresto = schemes.contains("s3p");
        boolean needsAny = schemes.contains("s3");
        if (!needsHadoop && !needsPresto && !needsAny) {
            return;
        }
        boolean byName = PodTemplateMerge.byName(t);
        List<String> without = new ArrayList<>();
        for (String component : List.of("jobManager", "taskManager")) {
            String plugins = plugins(t, component);
            boolean hadoop = plugins.contains("flink-s3-fs-hadoop");
            boolean presto = plugins.contains("flink-s3-fs-presto");
            if ((needsHadoop && !hadoop) || (needsPresto && !presto) || (needsAny && !hadoop && !presto)) {
                without.add(component);
            }
        }
        if (without.isEmpty()) {
            return;
        }
        String state = "state is on " + String.join(", ", schemes.stream().distinct().filter(s -> s.startsWith("s3")).toList());
        if (without.size() == 2) {
            r.report(t.spec().has("podTemplate") ? "/spec/podTemplate" : "/spec",
                    state + " but no matching S3 plugin is enabled (ENABLE_BUILT_IN_PLUGINS)");
        } else {
            String component = without.get(0);
            r.report(t.spec().path(component).has("podTemplate") ? "/spec/" + component + "/podTemplate" : "/spec",
                    state + " but the " + (component.equals("jobManager") ? "JobManager pod gets" : "TaskManager pods get")
                            + " no matching S3 plugin: no ENABLE_BUILT_IN_PLUGINS naming one in its flink-main-container once the"
                            + " operator lays spec." + component + ".podTemplate over spec.podTemplate (" + (byName ? "by name" : "item by"
                            + " item, by position") + "), nor in " + ENV_PREFIX.get(component) + PLUGINS);
        }
    }

    /**
     * The plugins a component's Flink process enables: its containerized.*.env setting, which Flink adds to
     * the main container last, or else the main container's variable in the merged pod template.
     */
    private static String plugins(CheckTarget t, String component) {
        Optional<String> set = t.admissionConf().get(ENV_PREFIX.get(component) + PLUGINS);
        if (set.isPresent()) {
            return set.get();
        }
        JsonNode spec = MergedPods.of(t).pod(component).spec();
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : spec.path("containers")) {
            if (!MAIN.equals(c.path("name").asText())) {
                continue;
            }
            for (JsonNode e : c.path("env")) {
                if (PLUGINS.equals(e.path("name").asText())) {
                    sb.append(e.path("value").asText()).append(';');
                }
            }
        }
        return sb.toString();
    }
}
