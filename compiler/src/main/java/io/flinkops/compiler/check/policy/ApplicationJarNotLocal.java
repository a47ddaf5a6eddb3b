package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Rule(
        id = "application-jar-not-local",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Before Flink 1.19, an application cluster runs its job from a local:// jar in the image",
        rationale = "Flink 1.18 and earlier start a native application cluster only from a jar inside the image: any "
                + "other jarURI (s3://, https://, a path without scheme) fails with 'Only \"local\" is supported as schema "
                + "for application mode', in the operator's client (operator 1.7) or in the JobManager itself, while "
                + "neither the API server nor the operator's admission reads the scheme. Flink 1.19 fetches remote jars. "
                + "Session jobs are downloaded by the operator instead (session-job-jar-scheme); standalone clusters load "
                + "the image's usrlib. Amazon EMR on EKS's operator (an object with spec.emrReleaseLabel) fetches an "
                + "s3:// jar itself, so there only other schemes are judged.",
        remediation = "Build the jar into the image and point jarURI at it (local:///opt/flink/usrlib/job.jar), or run "
                + "Flink 1.19 or later (flinkVersion v1_19 and an image to match).")
public final class ApplicationJarNotLocal extends RuleCheck {
    private static final Pattern VERSION = Pattern.compile("v1_(\\d+)");
    private static final Pattern S3 = Pattern.compile("s3[ap]?://", Pattern.CASE_INSENSITIVE);

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment() || !t.hasJob() || !t.job().path("jarURI").isTextual()
                || t.spec().path("mode").isTextual() && !t.spec().path("mode").textValue().equals("native")) {
            return;
        }
        Matcher version = VERSION.matcher(t.spec().path("flinkVersion").asText(""));
        if (!version.matches() || Integer.parseInt(version.group(1)) >= 19) {
            return;
        }
        String uri = t.job().path("jarURI").textValue();
        if (uri.startsWith("local:") || Placeholders.holdsOne(uri) || t.isEmrFlavour() && S3.matcher(uri).lookingAt()) {
            return;
        }
        r.report("/spec/job/jarURI", "jarURI " + uri + " is not a local:// path in the image, and Flink 1."
                + version.group(1) + " runs an application cluster's job only from one: the JobManager never starts");
    }
}
