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

@Rule(
        id = "s3-plugin-missing",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "The S3 filesystem plugin for the scheme in use is enabled",
        rationale = "The official Flink images ship the S3 plugins disabled; without ENABLE_BUILT_IN_PLUGINS naming "
                + "flink-s3-fs-hadoop (s3, s3a) or flink-s3-fs-presto (s3, s3p), the first checkpoint fails with "
                + "'Could not find a file system implementation for scheme'. Custom images that copy the plugin in may ignore this.",
        remediation = "Add ENABLE_BUILT_IN_PLUGINS=flink-s3-fs-hadoop-<flink version>.jar to the flink-main-container (flinkops does for its own kinds).")
public final class S3PluginMissing extends RuleCheck {
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
        String plugins = plugins(t.spec().path("podTemplate")) + ";" + plugins(t.spec().path("jobManager").path("podTemplate"));
        boolean hadoop = plugins.contains("flink-s3-fs-hadoop");
        boolean presto = plugins.contains("flink-s3-fs-presto");
        if ((needsHadoop && !hadoop) || (needsPresto && !presto) || (needsAny && !hadoop && !presto)) {
            r.report(t.spec().has("podTemplate") ? "/spec/podTemplate" : "/spec",
                    "state is on " + String.join(", ", schemes.stream().distinct().filter(s -> s.startsWith("s3")).toList())
                            + " but no matching S3 plugin is enabled (ENABLE_BUILT_IN_PLUGINS)");
        }
    }

    private static String plugins(JsonNode podTemplate) {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : podTemplate.path("spec").path("containers")) {
            for (JsonNode e : c.path("env")) {
                if ("ENABLE_BUILT_IN_PLUGINS".equals(e.path("name").asText())) {
                    sb.append(e.path("value").asText()).append(';');
                }
            }
        }
        return sb.toString();
    }
}
