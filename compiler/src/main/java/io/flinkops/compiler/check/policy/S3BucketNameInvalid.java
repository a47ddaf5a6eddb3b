package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.regex.Pattern;

@Rule(
        id = "s3-bucket-name-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "S3 bucket names in state paths are valid bucket names",
        rationale = "A bucket name S3 cannot hold (upper case, underscores, too short or long, an IP address) makes "
                + "every checkpoint fail at run time, long after the deploy looked green.",
        remediation = "Use a bucket name of 3 to 63 lower-case letters, digits, '.' and '-', starting and ending with a letter or digit.")
public final class S3BucketNameInvalid extends RuleCheck {
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern IP = Pattern.compile("\\d+\\.\\d+\\.\\d+\\.\\d+");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        StatePaths.of(t).forEach((key, path) -> {
            String scheme = StatePaths.scheme(path);
            if (!scheme.startsWith("s3")) {
                return;
            }
            String bucket = StatePaths.bucket(path);
            if (Placeholders.holdsOne(bucket)) {
                return; // a placeholder filled in at deploy time
            }
            if (!valid(bucket)) {
                r.report(t.conf().pointer(key, "/spec/flinkConfiguration"), "'" + bucket + "' in " + key + " is not a valid S3 bucket name");
            }
        });
    }

    public static boolean valid(String bucket) {
        return NAME.matcher(bucket).matches() && !bucket.contains("..") && !IP.matcher(bucket).matches()
                && !bucket.startsWith("xn--") && !bucket.endsWith("-s3alias");
    }
}
