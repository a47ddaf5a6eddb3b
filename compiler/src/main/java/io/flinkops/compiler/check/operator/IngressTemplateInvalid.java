package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.net.MalformedURLException;
import java.net.URL;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

@Rule(
        id = "operator-ingress-template-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "An ingress needs a template that becomes a valid URL",
        rationale = "The operator builds the JobManager ingress from spec.ingress.template, replacing {{name}} and "
                + "{{namespace}}; it rejects an ingress without a template or one that does not form a URL.",
        remediation = "Set spec.ingress.template to a host and path such as flink.example.com/{{namespace}}/{{name}}(/|$)(.*).")
public final class IngressTemplateInvalid extends RuleCheck {
    private static final Pattern NAME = Pattern.compile("\\{\\{name\\}\\}", Pattern.CASE_INSENSITIVE);
    private static final Pattern NAMESPACE = Pattern.compile("\\{\\{namespace\\}\\}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PROTOCOL = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        JsonNode ingress = t.spec().get("ingress");
        if (!t.isDeployment() || ingress == null || ingress.isNull()) {
            return;
        }
        JsonNode template = ingress.get("template");
        if (template == null || template.isNull()) {
            r.report("/spec/ingress", "spec.ingress has no template");
            return;
        }
        String url = template.asText();
        if (!PROTOCOL.matcher(url).find()) {
            url = "http://" + url;
        }
        url = NAME.matcher(url).replaceAll(Matcher.quoteReplacement(t.object().name()));
        url = NAMESPACE.matcher(url).replaceAll(Matcher.quoteReplacement(t.object().namespace().isEmpty() ? "null" : t.object().namespace()));
        try {
            new URL(url);
        } catch (MalformedURLException e) {
            r.report("/spec/ingress/template", "ingress template does not form a URL: " + e.getMessage());
        }
    }
}
