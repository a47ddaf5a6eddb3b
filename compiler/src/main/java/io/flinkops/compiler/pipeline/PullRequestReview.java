package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.emit.OutputLayout;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.load.Problems;
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
                request.defaultOperatorVersion(), request.extraCrds(), request.today(), tree.commit().orElse(null)));
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
            ObjectChange.Kind kind = kind(b != null, a != null, oldText.equals(newText));
            if (kind == null) {
                continue;
            }
            String path = any[0] + "/" + any[1] + "/" + OutputLayout.MANIFEST + " (" + any[2] + ")";
            String diff = TextDiff.unified(b == null ? "/dev/null" : "a/" + path, oldText, a == null ? "/dev/null" : "b/" + path, newText, 3);
            out.add(new ObjectChange(any[0], any[1], any[2], kind, diff));
        }
        out.addAll(fileChanges(base, head));
        return out;
    }

    /**
     * The files of the output that are not made of emitted objects: overlays copied into their roots (a
     * patch, an extra resource) and the Argo CD health patch. A pull request that adds a resource through
     * an overlay changes what reaches the cluster as surely as one that edits a spec. Named by their path
     * in the environment's output ({@code analytics/overlay-quota.yaml}); kustomization.yaml, which only
     * lists them, is left out.
     */
    private static List<ObjectChange> fileChanges(CompileResult base, CompileResult head) {
        Map<String, byte[]> before = copiedFiles(base);
        Map<String, byte[]> after = copiedFiles(head);
        TreeSet<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<ObjectChange> out = new ArrayList<>();
        for (String path : paths) {
            byte[] b = before.get(path);
            byte[] a = after.get(path);
            ObjectChange.Kind kind = kind(b != null, a != null, Arrays.equals(a, b));
            if (kind == null) {
                continue;
            }
            String environment = path.substring(0, path.indexOf('/'));
            String inEnvironment = path.substring(environment.length() + 1);
            String root = inEnvironment.substring(0, inEnvironment.indexOf('/'));
            String diff = TextDiff.unified(b == null ? "/dev/null" : "a/" + path, text(b), a == null ? "/dev/null" : "b/" + path, text(a), 3);
            out.add(new ObjectChange(environment, root, inEnvironment, kind, diff));
        }
        return out;
    }

    /** Added, removed or changed; null when the base and the head hold the same. */
    private static ObjectChange.Kind kind(boolean inBase, boolean inHead, boolean same) {
        return !inBase ? ObjectChange.Kind.ADDED : !inHead ? ObjectChange.Kind.REMOVED : same ? null : ObjectChange.Kind.CHANGED;
    }

    private static Map<String, byte[]> copiedFiles(CompileResult result) {
        Map<String, byte[]> out = new TreeMap<>();
        for (EnvironmentResult env : result.environments()) {
            env.files().forEach((path, bytes) -> {
                String name = path.substring(path.lastIndexOf('/') + 1);
                if (!name.equals(OutputLayout.MANIFEST) && !name.equals(OutputLayout.KUSTOMIZATION)) {
                    out.put(path, bytes);
                }
            });
        }
        return out;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
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
