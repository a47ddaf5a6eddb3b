package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.ArgoGenerator;
import io.flinkops.compiler.generate.EmittedObject;
import java.util.TreeSet;

@Rule(
        id = "argocd-application-name-too-long",
        category = Category.POLICY,
        severity = Severity.WARNING,
        summary = "Argo CD Application names fit in a label value (63 characters)",
        rationale = "With label tracking (Argo CD's default before 3.0) every synced object gets the Application's name as "
                + "the value of app.kubernetes.io/instance; a name over 63 characters makes the API server refuse every "
                + "object of the Application, and the sync fails. Application names are flink-<environment>-<namespace>.",
        remediation = "Shorten the namespace or the environment name, or switch Argo CD to annotation tracking "
                + "(application.resourceTrackingMethod: annotation in argocd-cm).")
public final class ArgoApplicationNameTooLong extends RuleCheck {
    static final int MAX = 63;

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.root().path("apiVersion").asText().startsWith("argoproj.io/")) {
            return;
        }
        if (t.kind().equals("Application")) {
            String name = t.object().name();
            if (name.length() > MAX) {
                r.report("/metadata/name", message(name));
            }
        } else if (t.kind().equals("ApplicationSet") && t.view().environment() != null) {
            TreeSet<String> roots = new TreeSet<>();
            for (EmittedObject o : t.view().objects()) {
                if (!o.root().equals(ArgoGenerator.ROOT)) {
                    roots.add(o.root());
                }
            }
            for (String root : roots) {
                String name = ArgoGenerator.applicationName(t.view().environment().name(), root);
                if (name.length() > MAX) {
                    r.report("/spec/template/metadata/name", "the ApplicationSet generates " + message(name));
                }
            }
        }
    }

    private static String message(String name) {
        return "Application " + name + " has " + name.length() + " characters, over the " + MAX
                + " that label tracking can write into app.kubernetes.io/instance";
    }
}
