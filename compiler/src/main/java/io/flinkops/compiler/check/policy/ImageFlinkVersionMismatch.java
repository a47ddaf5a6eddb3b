package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.FlinkVersions;
import java.util.Optional;

@Rule(
        id = "image-flink-version-mismatch",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "The Flink version in the image tag matches spec.flinkVersion",
        rationale = "The operator picks configuration keys and the REST API by spec.flinkVersion; an image running "
                + "another version gets options it ignores, and savepoints fail to restore across the mismatch.",
        remediation = "Make spec.flinkVersion match the image (flink:1.18.1 goes with v1_18), or change the image.")
public final class ImageFlinkVersionMismatch extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || !t.spec().path("image").isTextual() || !t.spec().path("flinkVersion").isTextual()) {
            return;
        }
        String image = t.spec().path("image").textValue();
        String repo = image.contains("/") ? image.substring(image.lastIndexOf('/') + 1) : image;
        if (!repo.startsWith("flink:") && !repo.startsWith("flink@")) {
            return; // only the official image's tags say the Flink version
        }
        Optional<String> version = FlinkVersions.versionInTag(image);
        String declared = t.spec().path("flinkVersion").textValue();
        if (version.isPresent() && !FlinkVersions.enumName(version.get()).equals(declared)) {
            r.report("/spec/flinkVersion", "image " + image + " runs Flink " + version.get() + " but flinkVersion is " + declared);
        }
    }
}
