package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

@Rule(
        id = "image-registry-not-allowed",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Images come from an allowed registry",
        rationale = "Nodes pull whatever an image reference names; registries outside the allow-list are not scanned, "
                + "not mirrored for outages, and may not be reachable from private EKS subnets at all.",
        remediation = "Push the image to an allowed registry (for example your ECR) and reference it there.",
        parameters = {"allowed=docker.io,public.ecr.aws,*.dkr.ecr.*.amazonaws.com,ghcr.io: registries allowed, * matches within a name part"})
public final class ImageRegistryNotAllowed extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return invalidList(value, "registries");
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || !t.spec().path("image").isTextual()) {
            return;
        }
        String image = t.spec().path("image").textValue();
        if (image.startsWith("${") || image.startsWith("{{")) {
            return;
        }
        String registry = registry(image);
        for (Pattern allowed : allowLists.computeIfAbsent(r.param("allowed"), ImageRegistryNotAllowed::globs)) {
            if (allowed.matcher(registry).matches()) {
                return;
            }
        }
        r.report("/spec/image", "image registry " + registry + " is not in the allow-list (" + r.param("allowed") + ")");
    }

    /** The registry host of an image reference; Docker Hub when the first part is not a host. */
    static String registry(String image) {
        int slash = image.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = image.substring(0, slash);
        return isRegistryHost(first) ? first : "docker.io";
    }

    /** Whether the first part of a reference, before its first '/', names a registry rather than a repository. */
    static boolean isRegistryHost(String first) {
        return first.contains(".") || first.contains(":") || first.equals("localhost");
    }

    /** An allow-list's patterns, compiled once per policy value rather than once per object. */
    private final Map<String, List<Pattern>> allowLists = new ConcurrentHashMap<>();

    private static List<Pattern> globs(String allowList) {
        return Arrays.stream(allowList.split("\\s*,\\s*"))
                .map(g -> Pattern.compile(Pattern.quote(g).replace("*", "\\E[^.]*\\Q")))
                .toList();
    }
}
