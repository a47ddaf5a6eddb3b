package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.emit.OutputLayout;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.source.git.TextDiff;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pull-request mode: compiles base and head, both judged by the base's policies (so a pull request
 * cannot loosen the rules that judge it), and compares what they emit and find.
 */
public final class PullRequestReview {
    private final Compiler compiler;

    public PullRequestReview(Compiler compiler) {
        this.compiler = compiler;
    }

    public record Outcome(CompileResult head, Review review) {}

    public Outcome review(CompileRequest request, SourceTree base, SourceTree head, String baseName, String headName) {
        CompileRequest headRequest = request.withPolicies(base);
        CompileResult headResult = compiler.compile(new CompileRequest(head, base, request.environment(), request.categories(),
                request.defaultOperatorVersion(), request.extraCrds(), request.today(), head.commit().orElse(null)));
        CompileResult baseResult = compiler.compile(new CompileRequest(base, base, request.environment(), request.categories(),
                request.defaultOperatorVersion(), request.extraCrds(), request.today(), base.commit().orElse(null)));
        List<String> policyChanges = changedFiles(base, head, PolicyLoader.POLICIES);
        List<Diagnostic> relaxed = new ArrayList<>();
        if (!policyChanges.isEmpty()) {
            CompileResult ownPolicies = compiler.compile(headRequest.withPolicies(head));
            for (Diagnostic d : headResult.diagnostics()) {
                if (ownPolicies.diagnostics().stream().noneMatch(o -> o.sameFindingAs(d) && o.severity() == d.severity())) {
                    relaxed.add(d);
                }
            }
        }
        Review review = new Review(baseName, headName, changes(baseResult, headResult), baseResult.diagnostics(), policyChanges, relaxed);
        return new Outcome(headResult, review);
    }

    static List<ObjectChange> changes(CompileResult base, CompileResult head) {
        Map<String, String[]> before = rendered(base);
        Map<String, String[]> after = rendered(head);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<ObjectChange> out = new ArrayList<>();
        for (String key : keys) {
            String[] b = before.get(key);
            String[] a = after.get(key);
            String[] any = a != null ? a : b;
            String oldText = b == null ? "" : b[3];
            String newText = a == null ? "" : a[3];
            ObjectChange.Kind kind = b == null ? ObjectChange.Kind.ADDED : a == null ? ObjectChange.Kind.REMOVED
                    : oldText.equals(newText) ? null : ObjectChange.Kind.CHANGED;
            if (kind == null) {
                continue;
            }
            String path = any[0] + "/" + any[1] + "/" + OutputLayout.MANIFEST + " (" + any[2] + ")";
            String diff = TextDiff.unified(b == null ? "/dev/null" : "a/" + path, oldText, a == null ? "/dev/null" : "b/" + path, newText, 3);
            out.add(new ObjectChange(any[0], any[1], any[2], kind, diff));
        }
        return out;
    }

    /** environment|id to {environment, root, id, rendered YAML}. */
    private static Map<String, String[]> rendered(CompileResult result) {
        Map<String, String[]> out = new TreeMap<>();
        for (EnvironmentResult env : result.environments()) {
            String name = env.name();
            for (EmittedObject o : env.objects()) {
                out.put(name + "|" + o.id(), new String[] {name, o.root(), o.id(), withoutProvenance(OutputLayout.render(o))});
            }
        }
        return out;
    }

    /** The commit annotation changes on every commit; it is not a change a reviewer needs to see. */
    private static String withoutProvenance(String yaml) {
        return String.join("\n", Arrays.stream(yaml.split("\n", -1)).filter(l -> !l.trim().startsWith("flinkops.io/commit:")).toList());
    }

    private static List<String> changedFiles(SourceTree base, SourceTree head, String dir) {
        TreeSet<String> all = new TreeSet<>(base.list(dir));
        all.addAll(head.list(dir));
        List<String> out = new ArrayList<>();
        for (String f : all) {
            Optional<byte[]> a = base.read(f);
            Optional<byte[]> b = head.read(f);
            if (a.isEmpty() || b.isEmpty() || !Arrays.equals(a.get(), b.get())) {
                out.add(f);
            }
        }
        return out;
    }
}
