package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.check.Checker;
import io.flinkops.compiler.check.EnvironmentView;
import io.flinkops.compiler.check.RuleCatalog;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.emit.OutputLayout;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.GenerateOptions;
import io.flinkops.compiler.generate.ManifestGenerator;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.load.EnvironmentSources;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.policy.ResolvedPolicy;
import io.flinkops.compiler.schema.CrdSchemas;
import io.flinkops.compiler.schema.CrdSource;
import io.flinkops.compiler.schema.SpecSchemas;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pipeline, stage by stage: load, resolve and generate, check, lay out. One instance compiles
 * any number of requests and keeps the compiled schemas between them.
 */
public final class Compiler {
    private final YamlReader yaml;
    private final SpecSchemas specSchemas = new SpecSchemas();
    private final CrdSchemas crdSchemas = new CrdSchemas();
    private final RuleCatalog catalog = RuleCatalog.builtIn(crdSchemas);

    public Compiler(YamlReader yaml) {
        this.yaml = yaml;
    }

    public Compiler() {
        this(new YamlReader());
    }

    public RuleCatalog catalog() {
        return catalog;
    }

    public SpecSchemas specSchemas() {
        return specSchemas;
    }

    public YamlReader yaml() {
        return yaml;
    }

    /** Compiles the environments of a repository (or one of them). */
    public CompileResult compile(CompileRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        RepositoryLoader loader = new RepositoryLoader(yaml, specSchemas);
        List<EnvironmentSources> environments = loader.load(request.sources(), request.environment(), diagnostics);
        PolicyLoader policies = new PolicyLoader(yaml, loader, catalog, request.today()).read(request.policies(), diagnostics);
        Checker checker = new Checker(catalog.rules(), request.categories());
        List<EnvironmentResult> results = new ArrayList<>();
        for (EnvironmentSources sources : environments) {
            Environment env = sources.environment();
            List<EmittedObject> objects = new ManifestGenerator(new GenerateOptions(request.commit())).generate(sources, diagnostics);
            ResolvedPolicy policy = policies.resolve(env, diagnostics);
            List<CrdSource> crds = new ArrayList<>(request.extraCrds());
            crds.addAll(crdFiles(request, env, diagnostics));
            EnvironmentView view = new EnvironmentView(env, env.operatorVersion(), objects, crds);
            diagnostics.addAll(checker.check(view, policy::settings, policy.customRules(), policy.suppressor()));
            diagnostics.addAll(PolicyLoader.unused(policy.exceptions(), policy.used()));
            Map<String, ObjectNode> extras = Map.of();
            results.add(new EnvironmentResult(env, objects, OutputLayout.layout(env.name(), objects, extras),
                    List.copyOf(policy.used())));
        }
        return new CompileResult(results, only(request, diagnostics.sorted()));
    }

    private List<CrdSource> crdFiles(CompileRequest request, Environment env, Diagnostics diagnostics) {
        List<CrdSource> out = new ArrayList<>();
        for (int i = 0; i < env.crdFiles().size(); i++) {
            String path = env.crdFiles().get(i);
            Optional<byte[]> bytes = Optional.empty();
            try {
                bytes = request.sources().read(path);
            } catch (InputException e) {
                diagnostics.add(Problems.unreadable(e));
            }
            if (bytes.isEmpty()) {
                diagnostics.add(Problems.of(Problems.UNRESOLVED, env.document().sourceMap().best("/spec/operator/crdFiles/" + i),
                        "/spec/operator/crdFiles/" + i, "CRD file " + path + " does not exist", "Name a CRD file relative to the repository root."));
            } else {
                out.add(new CrdSource(path, bytes.get()));
            }
        }
        if (out.isEmpty() && !CrdSchemas.isBuiltIn(env.operatorVersion())) {
            diagnostics.add(Problems.of(Problems.UNRESOLVED, env.document().sourceMap().best("/spec/operator/version"),
                    "/spec/operator/version", "operator version " + env.operatorVersion() + " has no built-in CRDs (built in: "
                            + String.join(", ", CrdSchemas.BUILT_IN) + ")",
                    "Use a built-in version, or name the operator's CRD files in spec.operator.crdFiles."));
        }
        return out;
    }

    /**
     * Checks documents that belong to no environment: raw custom resources named on the command line
     * or read from standard input (for example the output of {@code kubectl kustomize}).
     */
    public CompileResult validateDocuments(List<LocatedDocument> documents, CompileRequest request, Diagnostics diagnostics) {
        String version = request.defaultOperatorVersion() != null ? request.defaultOperatorVersion() : CrdSchemas.NEWEST;
        List<EmittedObject> objects = new ArrayList<>();
        for (LocatedDocument doc : documents) {
            if (doc.root().isObject() && isKubernetesObject(doc) && !doc.root().path("apiVersion").asText().startsWith("flink")) {
                // Namespaces, NetworkPolicies and the like in a rendered stream: context for the rules
                String ns = doc.root().path("metadata").path("namespace").asText("");
                objects.add(new EmittedObject("", ns, doc.file(), (ObjectNode) doc.root(), Origin.identity(doc.sourceMap()), 0));
                continue;
            }
            Optional<SpecKind> kind = RepositoryLoader.classify(doc, diagnostics);
            if (kind.isEmpty()) {
                continue;
            }
            if (!kind.get().isRaw()) {
                diagnostics.add(Problems.of(Problems.UNRESOLVED, doc.sourceMap().best("/kind"), "/kind",
                        kind.get().kind() + " belongs to no environment (expected under environments/<env>/)",
                        "Move the spec into an environment folder, or validate the repository."));
                continue;
            }
            String ns = doc.root().path("metadata").path("namespace").asText("");
            objects.add(new EmittedObject("", ns, doc.file(), (ObjectNode) doc.root(), Origin.identity(doc.sourceMap()), 0));
        }
        if (!CrdSchemas.isBuiltIn(version) && request.extraCrds().isEmpty()) {
            throw new InputException("operator version " + version + " has no built-in CRDs (built in: "
                    + String.join(", ", CrdSchemas.BUILT_IN) + "); name a CRD file with --crd");
        }
        EnvironmentView view = new EnvironmentView(null, version, objects, request.extraCrds());
        Checker checker = new Checker(catalog.rules(), request.categories());
        diagnostics.addAll(checker.check(view, ResolvedPolicy.defaults("")::settings));
        return new CompileResult(List.of(), only(request, diagnostics.sorted()));
    }

    private static boolean isKubernetesObject(LocatedDocument doc) {
        return doc.root().path("apiVersion").isTextual() && doc.root().path("kind").isTextual()
                && !doc.root().path("apiVersion").asText().startsWith("flinkops.io/");
    }

    private static List<Diagnostic> only(CompileRequest request, List<Diagnostic> all) {
        List<Diagnostic> out = new ArrayList<>();
        for (Diagnostic d : all) {
            if (request.categories().contains(d.category()) || d.category() == Category.PARSE) {
                out.add(d);
            }
        }
        return out;
    }
}
