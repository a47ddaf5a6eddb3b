package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.emit.OutputLayout;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.source.git.TextDiff;
import io.flinkops.compiler.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Pull-request mode: compiles base and head, both judged by the base's policies (so a pull request
 * cannot loosen the rules that judge it), and compares what they emit and find. When the base's
 * policies do not load at all and the change edits them, both are judged by the change's policies.
 */
public final class PullRequestReview {
    private final Compiler compiler;

    public PullRequestReview(Compiler compiler) {
        this.compiler = compiler;
    }

    public record Outcome(CompileResult head, Review review) {}

    public Outcome review(CompileRequest request, SourceTree base, SourceTree head, String baseName, String headName) {
        CompileResult baseResult = compile(request, base, base);
        List<String> policyChanges = changedFiles(base, head, PolicyLoader.POLICIES);
        // A base whose policies do not load judges nothing: a change that repairs them could never pass.
        // Then both sides are judged by the change's own policies, and the report says so.
        List<Diagnostic> unloadable = policyChanges.isEmpty() ? List.of() : unloadablePolicies(baseResult);
        SourceTree judge = unloadable.isEmpty() ? base : head;
        if (judge == head) {
            baseResult = compile(request, base, head);
        }
        CompileResult headResult = compile(request, head, judge);
        List<Diagnostic> relaxed = new ArrayList<>();
        if (!policyChanges.isEmpty() && judge == base) {
            CompileResult ownPolicies = compile(request, head, head);
            for (Diagnostic d : headResult.diagnostics()) {
                if (ownPolicies.diagnostics().stream().noneMatch(o -> o.sameFindingAs(d) && o.severity() == d.severity())) {
                    relaxed.add(d);
                }
            }
        }
        Review review = new Review(baseName, headName, changes(baseResult, headResult), baseResult.diagnostics(), policyChanges, relaxed,
                unloadable);
        return new Outcome(headResult, review);
    }

    private CompileResult compile(CompileRequest request, SourceTree tree, SourceTree policies) {
        return compiler.compile(new CompileRequest(tree, policies, request.environment(), request.categories(),
                request.defaultOperatorVersion(), request.extraCrds(), request.operatorConfiguration(), request.today(), tree.commit().orElse(null)));
    }

    /** The base's policy files that cannot be read as policy sets at all (not YAML, not a PolicySet, not its schema). */
    private static List<Diagnostic> unloadablePolicies(CompileResult base) {
        return base.diagnostics().stream()
                .filter(d -> d.location().file().startsWith(PolicyLoader.POLICIES + "/") && d.severity() == Severity.ERROR)
                .filter(d -> UNLOADABLE.contains(d.rule()))
                .toList();
    }

    private static final java.util.Set<String> UNLOADABLE = java.util.Set.of(
            Problems.UNREADABLE, Problems.SPEC_INVALID, Problems.UNKNOWN_KIND, Problems.LAYOUT);

    /**
     * What the base and the head emit, compared: every object, and every file of the output that is not
     * made of objects (overlays copied into their roots, the Argo CD health patch: a pull request that adds
     * a resource through an overlay changes what reaches the cluster as surely as one that edits a spec).
     */
    static List<ObjectChange> changes(CompileResult base, CompileResult head) {
        Map<String, Shown> before = shown(base);
        Map<String, Shown> after = shown(head);
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<ObjectChange> out = new ArrayList<>();
        for (String key : keys) {
            Shown b = before.get(key);
            Shown a = after.get(key);
            Shown any = a != null ? a : b;
            String oldText = b == null ? "" : b.text();
            String newText = a == null ? "" : a.text();
            if (b != null && a != null && oldText.equals(newText)) {
                continue;
            }
            ObjectChange.Kind kind = b == null ? ObjectChange.Kind.ADDED : a == null ? ObjectChange.Kind.REMOVED : ObjectChange.Kind.CHANGED;
            String diff = TextDiff.unified(b == null ? "/dev/null" : "a/" + any.label(), oldText,
                    a == null ? "/dev/null" : "b/" + any.label(), newText, 3);
            out.add(new ObjectChange(any.environment(), any.root(), any.id(), kind, diff));
        }
        return out;
    }

    /** One object or file as a review shows it: {@code id} names it in the list, {@code label} in its diff. */
    private record Shown(String environment, String root, String id, String label, String text) {}

    /**
     * Objects first (by environment and id), then the other files of the output by path (named by their
     * path in the environment's output, {@code analytics/overlay-quota.yaml}); kustomization.yaml, which
     * only lists files, is left out.
     */
    private static Map<String, Shown> shown(CompileResult result) {
        Map<String, Shown> out = new TreeMap<>();
        for (EnvironmentResult env : result.environments()) {
            String name = env.name();
            for (EmittedObject o : env.objects()) {
                out.put("0|" + name + "|" + o.id(), new Shown(name, o.root(), o.id(),
                        name + "/" + o.root() + "/" + OutputLayout.MANIFEST + " (" + o.id() + ")", withoutProvenance(OutputLayout.render(o))));
            }
            env.files().forEach((path, bytes) -> {
                String fileName = path.substring(path.lastIndexOf('/') + 1);
                if (!fileName.equals(OutputLayout.MANIFEST) && !fileName.equals(OutputLayout.KUSTOMIZATION)) {
                    String inEnvironment = path.substring(path.indexOf('/') + 1);
                    out.put("1|" + path, new Shown(name, inEnvironment.substring(0, inEnvironment.indexOf('/')), inEnvironment, path,
                            YamlReader.shown(bytes)));
                }
            });
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
