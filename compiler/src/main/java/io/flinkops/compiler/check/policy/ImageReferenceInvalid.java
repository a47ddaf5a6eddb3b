package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.FlinkVersions;
import java.util.Optional;
import java.util.regex.Pattern;

@Rule(
        id = "image-reference-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Images are references a container runtime can pull",
        rationale = "Neither the API server nor the operator reads an image reference: a FlinkDeployment whose image has "
                + "upper-case letters in its repository, spaces, an empty tag or a malformed digest is accepted, and its "
                + "JobManager pod then fails with InvalidImageName, so the job never starts. Checked: spec.image and the "
                + "images of pod-template containers, against the reference grammar of container registries "
                + "([registry[:port]/]repository[:tag][@digest], the repository lower-case, at most 255 characters).",
        remediation = "Write the image as registry/repository:tag, the repository in lower case "
                + "(111122223333.dkr.ecr.eu-west-1.amazonaws.com/flink-jobs:1.2.0).")
public final class ImageReferenceInvalid extends RuleCheck {
    // possessive quantifiers: no backtracking, whatever the input
    private static final String LABEL = "[a-zA-Z0-9]++(?:-++[a-zA-Z0-9]++)*+";
    private static final Pattern DOMAIN = Pattern.compile(LABEL + "(?:\\." + LABEL + ")*+(?::[0-9]++)?+");
    private static final Pattern PATH_COMPONENT = Pattern.compile("[a-z0-9]++(?:(?:[._]|__|-++)[a-z0-9]++)*+");
    private static final Pattern TAG = Pattern.compile("[\\w][\\w.-]{0,127}");
    private static final Pattern DIGEST = Pattern.compile("[A-Za-z][A-Za-z0-9]*+(?:[-_+.][A-Za-z][A-Za-z0-9]*+)*+:[0-9a-fA-F]{32,}+");
    private static final int NAME_MAX = 255;

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        check(t.spec().path("image"), "/spec/image", r);
        for (String component : PodTemplateContainers.COMPONENTS) {
            for (PodTemplateContainers.Container c : PodTemplateContainers.of(t.spec(), component)) {
                check(c.node().path("image"), c.pointer() + "/image", r);
            }
        }
    }

    private static void check(JsonNode image, String pointer, Reporter r) {
        if (!image.isTextual() || Placeholders.holdsOne(image.textValue())) {
            return; // a placeholder a later stage fills in; spec.image's type is the schema's business
        }
        problem(image.textValue()).ifPresent(p -> r.report(pointer, "image '" + image.textValue() + "' " + p
                + ": the pod fails with InvalidImageName"));
    }

    /** What is wrong with a reference, if anything. */
    static Optional<String> problem(String image) {
        if (image.isEmpty()) {
            return Optional.of("is empty");
        }
        for (int i = 0; i < image.length(); i++) {
            if (Character.isWhitespace(image.charAt(i)) || Character.isISOControl(image.charAt(i))) {
                return Optional.of("holds spaces or line breaks");
            }
        }
        String name = image;
        int at = name.indexOf('@');
        if (at >= 0) {
            String digest = name.substring(at + 1);
            if (digest.length() > 1024 || !DIGEST.matcher(digest).matches()) {
                return Optional.of("has a digest that is not algorithm:hex (such as sha256:<64 hex digits>)");
            }
            name = name.substring(0, at);
        }
        Optional<String> tag = FlinkVersions.tag(name);
        if (tag.isPresent()) {
            if (!TAG.matcher(tag.get()).matches()) {
                return Optional.of(tag.get().isEmpty() ? "has an empty tag after ':'"
                        : "has a tag that is not 1 to 128 letters, digits, '_', '.' or '-' (not starting with '.' or '-')");
            }
            name = name.substring(0, name.length() - tag.get().length() - 1);
        }
        if (name.isEmpty()) {
            return Optional.of("has no repository");
        }
        if (name.length() > NAME_MAX) {
            return Optional.of("has a name longer than " + NAME_MAX + " characters");
        }
        String[] parts = name.split("/", -1);
        int first = 0;
        if (parts.length > 1 && ImageRegistryNotAllowed.isRegistryHost(parts[0])) {
            if (!DOMAIN.matcher(parts[0]).matches()) {
                return Optional.of("has a registry, '" + parts[0] + "', that is not a host name with an optional port");
            }
            first = 1;
        }
        for (int i = first; i < parts.length; i++) {
            if (!PATH_COMPONENT.matcher(parts[i]).matches()) {
                return Optional.of(parts[i].isEmpty() ? "has an empty path segment"
                        : !parts[i].equals(parts[i].toLowerCase(java.util.Locale.ROOT))
                                ? "has upper-case letters in its repository ('" + parts[i] + "'); repositories are lower-case"
                                : "has a repository segment, '" + parts[i] + "', that is not lower-case letters and digits joined by '.', '_', '__' or '-'");
            }
        }
        return Optional.empty();
    }
}
