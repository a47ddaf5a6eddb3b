package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.FlinkVersions;
import java.util.Optional;

@Rule(
        id = "image-tag-unpinned",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Images are pinned to a tag or digest, never latest",
        rationale = "An image without a tag, or tagged latest, changes under a running job: the next TaskManager "
                + "restart pulls different code than the JobManager runs, and a rollback restores nothing.",
        remediation = "Reference the image by an immutable version tag (flink:1.17.2-java11) or by digest (@sha256:...).")
public final class ImageTagUnpinned extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || !t.spec().path("image").isTextual()) {
            return;
        }
        String image = t.spec().path("image").textValue();
        if (image.contains("@sha256:") || Placeholders.holdsOne(image)) {
            return;
        }
        Optional<String> tag = FlinkVersions.tag(image);
        if (tag.isEmpty()) {
            r.report("/spec/image", "image " + image + " has no tag (it means latest)");
        } else if (tag.get().equals("latest")) {
            r.report("/spec/image", "image " + image + " uses the latest tag");
        }
    }
}
