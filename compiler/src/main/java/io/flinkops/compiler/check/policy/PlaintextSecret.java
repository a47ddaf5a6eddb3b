package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@Rule(
        id = "plaintext-secret",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "No AWS keys or passwords in flinkConfiguration or job arguments",
        rationale = "Custom resources are stored unencrypted in Git and readable by anyone who can list them in the "
                + "cluster; Flink also logs its configuration at start-up.",
        remediation = "Use the namespace's IAM role for AWS access, and mount other secrets from a Kubernetes Secret as environment variables.")
public final class PlaintextSecret extends RuleCheck {
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[0-9A-Z]{16}\\b");
    private static final Pattern SECRET_KEY_NAME = Pattern.compile("(secret[-._]?key|password|passwd|secret|token|credentials?)$");
    private static final Pattern ARG_SECRET = Pattern.compile("(?i)(password|secret|token)[=:]\\S+");

    /** What every match of {@link #SECRET_KEY_NAME} ends with: a cheap test before the expression, on every key of every job. */
    private static final List<String> SECRET_ENDINGS = List.of("key", "password", "passwd", "secret", "token", "credential", "credentials");

    private static boolean accessKey(String s) {
        return (s.contains("AKIA") || s.contains("ASIA")) && ACCESS_KEY.matcher(s).find();
    }

    private static boolean secretArgument(String s) {
        String l = s.toLowerCase(Locale.ROOT);
        return (l.contains("password") || l.contains("secret") || l.contains("token")) && ARG_SECRET.matcher(s).find();
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!FlinkResources.workload(t)) {
            return;
        }
        t.conf().asMap().forEach((key, value) -> {
            String k = key.toLowerCase(Locale.ROOT);
            boolean reference = value.startsWith("${") || value.isBlank();
            if (accessKey(value)) {
                r.report(t.conf().pointer(key, "/spec/flinkConfiguration"), key + " holds an AWS access key id");
            } else if (!reference && SECRET_ENDINGS.stream().anyMatch(k::endsWith) && SECRET_KEY_NAME.matcher(k).find()
                    && !k.contains("provider") && !k.endsWith(".class")) {
                r.report(t.conf().pointer(key, "/spec/flinkConfiguration"), key + " holds a secret in plain text");
            }
        });
        JsonNode args = t.job().path("args");
        for (int i = 0; args.isArray() && i < args.size(); i++) {
            String a = args.get(i).asText();
            if (accessKey(a) || secretArgument(a)) {
                r.report("/spec/job/args/" + i, "job argument " + i + " holds a secret in plain text");
            }
        }
    }
}
