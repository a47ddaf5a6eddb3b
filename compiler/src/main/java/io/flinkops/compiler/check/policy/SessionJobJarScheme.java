package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

@Rule(
        id = "session-job-jar-scheme",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "A session job's jar is fetched from a URL the operator can read",
        rationale = "The operator downloads a session job's jar and uploads it to the running cluster; a local:// "
                + "path or a path without scheme only exists inside some image, so the submission fails.",
        remediation = "Point jarURI at https://, http:// or s3:// (with the operator's S3 plugin enabled).",
        parameters = {"schemes=https,http,s3,s3a,s3p: schemes the operator can download from"})
public final class SessionJobJarScheme extends RuleCheck {
    @Override
    public Optional<String> invalidParameter(String name, String value) {
        return invalidList(value, "schemes");
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isSessionJob() || !t.job().path("jarURI").isTextual()) {
            return;
        }
        String uri = t.job().path("jarURI").textValue();
        int i = uri.indexOf("://");
        String scheme = i < 0 ? "" : uri.substring(0, i).toLowerCase(Locale.ROOT);
        if (!Set.of(r.param("schemes").split("\\s*,\\s*")).contains(scheme)) {
            r.report("/spec/job/jarURI", "jarURI " + uri + " cannot be downloaded by the operator");
        }
    }
}
