package io.flinkops.compiler.pipeline;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.cache.ContextPacks;
import io.flinkops.compiler.cache.ResultCache;
import io.flinkops.compiler.check.Checker;
import io.flinkops.compiler.check.EnvironmentView;
import io.flinkops.compiler.check.RuleCatalog;
import io.flinkops.compiler.check.schema.CrdSchemaViolation;
import io.flinkops.compiler.concurrent.Daemon;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.emit.OutputLayout;
import io.flinkops.compiler.emit.YamlWriter;
import io.flinkops.compiler.generate.ArgoGenerator;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.GenerateOptions;
import io.flinkops.compiler.generate.GeneratedUnit;
import io.flinkops.compiler.generate.ManifestGenerator;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.generate.OverlayWiring;
import io.flinkops.compiler.load.EnvironmentSources;
import io.flinkops.compiler.load.ListDocuments;
import io.flinkops.compiler.load.Overlay;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.policy.PolicyException;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.policy.ResolvedPolicy;
import io.flinkops.compiler.schema.CrdSchemas;
import io.flinkops.compiler.schema.CrdSource;
import io.flinkops.compiler.schema.SpecSchemas;
import io.flinkops.compiler.source.MemoizedTree;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The pipeline, stage by stage: load, resolve and generate, check, lay out. One instance compiles
 * any number of requests and keeps the compiled schemas between them.
 */
public final class Compiler {
    private final YamlReader yaml;
    private final SpecSchemas specSchemas = new SpecSchemas();
    private final CrdSchemas crdSchemas;
    private final CrdSchemaViolation patchSchema;
    private final RuleCatalog catalog;

    public Compiler(YamlReader yaml) {
        this(yaml, new CrdSchemas());
    }

    /** With schemas a caller may already be loading on another thread (see {@link #preparing}). */
    public Compiler(YamlReader yaml, CrdSchemas crdSchemas) {
        this.yaml = yaml;
        this.crdSchemas = crdSchemas;
        this.catalog = RuleCatalog.builtIn(crdSchemas);
        this.patchSchema = CrdSchemaViolation.forPatches(crdSchemas);
    }

    public Compiler() {
        this(new YamlReader());
    }

    /**
     * A compiler whose newest FlinkDeployment schema is already loading on a thread of its own (it is
     * most of a first check's start-up). For a check of raw resources (judged by the newest operator
     * unless told otherwise) the CLI builds one on a second core while picocli parses the arguments,
     * then {@link #warmUp()}s it there while the run goes on; a run over environments loads the
     * schemas they name instead ({@link #compile}).
     */
    public static Compiler preparing() {
        CrdSchemas schemas = new CrdSchemas();
        startLoading(schemas, Set.of(CrdSchemas.NEWEST));
        return new Compiler(new YamlReader(), schemas);
    }

    /**
     * Compiles the FlinkDeployment schemas of these operator versions on a thread of their own: a 500 KB
     * schema is most of the checks' start-up. A schema that fails to load fails again where a check
     * needs it, and is reported there.
     */
    private static void startLoading(CrdSchemas schemas, Set<String> operatorVersions) {
        Daemon.start("flinkops-schemas", () -> {
            try {
                operatorVersions.forEach(v -> schemas.forKind(v, "FlinkDeployment", "flink.apache.org/v1beta1"));
            } catch (RuntimeException ignored) {
                // see above
            }
        });
    }

    /**
     * The built-in operator versions the given environments name in their environment.yaml, read ahead
     * of the load stage (a few small files, which it parses again, and reports if they do not read).
     */
    private Set<String> operatorVersions(SourceTree sources, Map<String, List<String>> files) {
        Set<String> versions = new TreeSet<>();
        files.forEach((name, paths) -> RepositoryLoader.environmentFile(name, paths).ifPresent(path -> {
            try {
                for (LocatedDocument doc : yaml.read(path, sources.read(path).orElse(new byte[0]))) {
                    String version = doc.root().path("spec").path("operator").path("version").asText("");
                    if (CrdSchemas.isBuiltIn(version)) {
                        versions.add(version);
                    }
                }
            } catch (InputException unreadable) {
                // reported by the load stage
            }
        }));
        return versions;
    }

    /**
     * Runs a small built-in FlinkDeployment through every check and throws the result away: the YAML
     * reader and the rules are initialized, and the schema's validators built for the fields most
     * documents use. Safe to run while the same compiler checks other documents.
     */
    public void warmUp() {
        CompileRequest request = new CompileRequest(null, null, null, CompileRequest.ALL, CrdSchemas.NEWEST,
                List.of(), Map.of(), LocalDate.of(2000, 1, 1), null);
        validateDocuments(yaml.read("warm-up.yaml", WARM_UP), request, new Diagnostics());
    }

    private static final byte[] WARM_UP = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata: {name: warm-up, namespace: flink, labels: {app: warm-up}}
            spec:
              image: flink:1.17.2
              flinkVersion: v1_17
              serviceAccount: flink
              flinkConfiguration: {taskmanager.numberOfTaskSlots: "2", state.checkpoints.dir: "s3://b/c"}
              jobManager: {resource: {memory: 2048m, cpu: 1}, replicas: 1}
              taskManager: {resource: {memory: 2048m, cpu: 1}}
              job: {jarURI: "local:///job.jar", parallelism: 2, upgradeMode: stateless, args: [a]}
            """.getBytes(StandardCharsets.UTF_8);

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
        return compile(request, null);
    }

    /**
     * Compiles with a content-hash cache: environments whose inputs are unchanged are taken from it,
     * the rest compiled (in parallel) and stored. A null cache compiles everything.
     */
    public CompileResult compile(CompileRequest original, ResultCache cache) {
        return compile(original, cache, Output.FILES);
    }

    /** What a run needs besides findings: the output files (build, diff), or the findings alone (validate). */
    public enum Output { FILES, FINDINGS_ONLY }

    /**
     * With {@link Output#FINDINGS_ONLY} the environments are checked but not laid out into files
     * (their results carry no files), which saves the YAML serialization of every object.
     */
    public CompileResult compile(CompileRequest original, ResultCache cache, Output output) {
        return compile(original, cache, output, Set.of());
    }

    /**
     * With {@code checkedFiles}, only objects made from those files go through the per-object checks;
     * every object is still loaded, generated and seen by the checks that look across objects (quota
     * sums, shared state paths, a session job's cluster), so the findings in those files are the same
     * as a whole run's, and only those are returned, with those an overlay's patch places on their
     * objects. Meant for specs named on the command line, whose own findings are all that is reported. Such a partial result is never cached; instead, with a
     * cache, the other files of an environment that are as packed are taken from its context pack
     * (their units need not be parsed or generated again, see {@link ContextPacks}), and the pack is
     * written or refreshed. Empty: every object.
     */
    public CompileResult compile(CompileRequest original, ResultCache given, Output output, Set<String> checkedFiles) {
        ResultCache cache = checkedFiles.isEmpty() ? given : null;
        ContextPacks packs = checkedFiles.isEmpty() || given == null || original.environment() == null ? null : given.contexts();
        // what is read to key a cache (or pack an environment) is then parsed from memory
        final CompileRequest request = cache == null && packs == null ? original : readOnce(original);
        Diagnostics diagnostics = new Diagnostics();
        RepositoryLoader loader = new RepositoryLoader(yaml, specSchemas);
        // the policy sets load on the other core while this one lists the environments
        CompletableFuture<PolicyLoader> policiesAhead = CompletableFuture.supplyAsync(
                () -> new PolicyLoader(yaml, loader, catalog, request.today()).read(request.policies(), diagnostics));
        // a check of some specs reads its environment's context pack on a thread of its own meanwhile
        CompletableFuture<Optional<ContextPacks.Pack>> packAhead = packs == null ? null
                : CompletableFuture.supplyAsync(() -> packs.read(request.environment(), request.sources()), Compiler::ownThread);
        // a pack's folder stamp taken before the listing says, at the next check, whether the listing still holds
        Optional<String> folderBefore = packs == null ? Optional.empty()
                : request.sources().folderStamp(RepositoryLoader.ENVIRONMENTS + "/" + request.environment());
        // a pack holds its folder's listing: waiting for it beats walking 1,000 entries while it is read
        Optional<List<String>> packedListing = packAhead != null
                ? joined(packAhead).flatMap(ContextPacks.Pack::listing) : Optional.empty();
        RepositoryLoader.Listing listing = packedListing.isPresent()
                ? new RepositoryLoader.Listing(new TreeMap<>(Map.of(request.environment(), packedListing.get())), List.of(), List.of())
                : RepositoryLoader.listing(request.sources(), request.environment());
        Map<String, List<String>> files = listing.files();
        if (request.environment() != null && !files.containsKey(request.environment())) {
            throw new InputException("no environment '" + request.environment() + "' (expected "
                    + RepositoryLoader.ENVIRONMENTS + "/" + request.environment() + "/environment.yaml)");
        }
        Set<String> names = new TreeSet<>(request.environment() == null ? files.keySet() : Set.of(request.environment()));
        diagnostics.addAll(listing.warnings(names));
        if (request.environment() == null) {
            diagnostics.addAll(OverlayLoader.orphans(request.sources(), names));
        }
        Map<String, PackedEnvironment> packed = new TreeMap<>();
        if (packAhead != null) {
            startLoading(crdSchemas, operatorVersions(request.sources(), files));
            String name = request.environment();
            PackedEnvironment.generate(request, name, files.get(name), checkedFiles, joined(packAhead), packs, folderBefore, loader)
                    .ifPresent(p -> packed.put(name, p));
        }
        PolicyLoader policies = joined(policiesAhead);
        Map<String, EnvironmentResult> results = new ConcurrentHashMap<>();
        Map<String, String> keys = cache == null ? Map.of() : fromCache(cache, request, files, names, output, results, diagnostics);
        Set<String> misses = new TreeSet<>(names);
        misses.removeAll(results.keySet());
        Map<String, List<String>> toLoad = new TreeMap<>(files);
        toLoad.keySet().retainAll(misses);
        toLoad.keySet().removeAll(packed.keySet());
        if (!toLoad.isEmpty() && packAhead == null) {
            startLoading(crdSchemas, operatorVersions(request.sources(), toLoad));
        }
        for (Map.Entry<String, PackedEnvironment> e : packed.entrySet()) {
            PackedEnvironment p = e.getValue();
            results.put(e.getKey(), checkEnvironment(request, p.environment(), p.objects(), policies,
                    new Checker(catalog.rules(), request.categories()), p.diagnostics(), Output.FINDINGS_ONLY, checkedFiles));
            diagnostics.addAll(p.diagnostics().sorted());
            misses.remove(e.getKey());
            p.repacking().join(); // done beside the checks; a pack that fails to write is only not written
        }
        Diagnostics loading = new Diagnostics();
        toLoad.keySet().retainAll(misses);
        List<EnvironmentSources> environments = loader.load(request.sources(), toLoad, loading);
        List<Diagnostic> loadFindings = loading.sorted();
        Set<Diagnostic> assigned = ConcurrentHashMap.newKeySet();
        Checker checker = new Checker(catalog.rules(), request.categories());
        // Environments are independent: compile them in parallel; results are put back in name order.
        environments.parallelStream().forEach(sources -> {
            String name = folderName(sources);
            Diagnostics own = new Diagnostics();
            for (Diagnostic d : loadFindings) {
                if (d.location().file().startsWith(RepositoryLoader.ENVIRONMENTS + "/" + name + "/")) {
                    own.add(d);
                    assigned.add(d);
                }
            }
            EnvironmentResult result = compileEnvironment(request, sources, policies, checker, own, output, checkedFiles, packs, folderBefore);
            List<Diagnostic> found = own.sorted();
            diagnostics.addAll(found);
            results.put(name, result);
            if (cache != null && keys.containsKey(name)) {
                cache.put(keys.get(name), result, found, sources.environment().crdFiles(), request.sources());
            }
        });
        for (Diagnostic d : loadFindings) {
            if (!assigned.contains(d)) {
                diagnostics.add(d);
            }
        }
        List<EnvironmentResult> ordered = new ArrayList<>();
        new TreeMap<>(results).forEach((name, r) -> ordered.add(r));
        if (request.environment() == null) {
            // An exception is unused only when no environment used it; one environment alone cannot tell.
            Set<PolicyException> used = new java.util.HashSet<>();
            ordered.forEach(r -> used.addAll(r.usedExceptions()));
            diagnostics.addAll(policies.unused(used));
        }
        List<Diagnostic> found = only(request, diagnostics.sorted());
        if (!checkedFiles.isEmpty()) {
            List<EmittedObject> checkedObjects = ordered.stream().flatMap(r -> r.judged().stream())
                    .filter(o -> checkedFiles.contains(o.origin().file())).toList();
            found = found.stream().filter(d -> checkedFiles.contains(d.location().file())
                    || isOnObjectOf(d, checkedObjects, checkedFiles)).toList();
        }
        return new CompileResult(ordered, found);
    }

    /**
     * Whether a finding placed outside {@code files} is on an object made from one of them, in a file that
     * wrote part of it: an overlay's patch, whose value the spec's edit may have made wrong (a rule's
     * finding begins with its object's id).
     */
    public static boolean isOnObjectOf(Diagnostic d, List<EmittedObject> objects, Set<String> files) {
        for (EmittedObject o : objects) {
            if (files.contains(o.origin().file()) && o.origin().drawsOn(d.location().file()) && d.message().startsWith(o.id() + ": ")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Takes the environments whose inputs are unchanged from the result cache (into {@code results} and
     * {@code diagnostics}); the cache key of every environment whose inputs could be read, hit or miss.
     */
    private static Map<String, String> fromCache(ResultCache cache, CompileRequest request, Map<String, List<String>> files,
            Set<String> names, Output output, Map<String, EnvironmentResult> results, Diagnostics diagnostics) {
        ResultCache.Inputs inputs = new ResultCache.Inputs(cacheOptions(request), request.sources(), request.policies());
        // every input is read (and kept) once, in parallel; then each environment is keyed and looked up
        files.entrySet().stream().filter(e -> names.contains(e.getKey())).flatMap(e -> e.getValue().stream())
                .toList().parallelStream().forEach(path -> readIfReadable(request.sources(), path));
        Map<String, String> keys = new ConcurrentHashMap<>();
        names.parallelStream().forEach(name -> {
            String key;
            try {
                key = cache.key(inputs, name, files.get(name));
            } catch (InputException unreadable) {
                return; // compiled without the cache, where the unreadable file becomes a finding on it
            }
            keys.put(name, key);
            cache.get(key, request.sources(), output == Output.FILES).ifPresent(hit -> {
                results.put(name, hit.result());
                diagnostics.addAll(hit.diagnostics());
            });
        });
        return keys;
    }

    /** Runs a context pack's reading or writing on a thread of its own (an Executor for futures). */
    static void ownThread(Runnable task) {
        Daemon.start("flinkops-context", task);
    }

    private static void readIfReadable(SourceTree tree, String path) {
        try {
            tree.read(path);
        } catch (InputException unreadable) {
            // reported when the environment is parsed
        }
    }

    private static <T> T joined(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The cache key reads every input; what misses is then parsed from memory, not read again. */
    private static CompileRequest readOnce(CompileRequest r) {
        SourceTree sources = new MemoizedTree(r.sources());
        SourceTree policies = r.policies() == r.sources() ? sources : new MemoizedTree(r.policies());
        return new CompileRequest(sources, policies, r.environment(), r.categories(), r.defaultOperatorVersion(),
                r.extraCrds(), r.operatorConfiguration(), r.today(), r.commit());
    }

    private static String folderName(EnvironmentSources sources) {
        String folder = sources.environment().folder();
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    /** Everything about a request, besides files, that can change an environment's result. */
    private static List<String> cacheOptions(CompileRequest request) {
        List<String> out = new ArrayList<>();
        out.add("categories=" + new TreeSet<>(request.categories().stream().map(Enum::name).toList()));
        out.add("operator=" + request.defaultOperatorVersion());
        out.add("today=" + request.today());
        out.add("commit=" + request.commit());
        for (CrdSource crd : request.extraCrds()) {
            out.add("crd=" + crd.name() + ":" + java.util.Arrays.hashCode(crd.bytes()) + ":" + crd.bytes().length);
        }
        return out;
    }

    private EnvironmentResult compileEnvironment(CompileRequest request, EnvironmentSources sources, PolicyLoader policies,
            Checker checker, Diagnostics diagnostics, Output output, Set<String> checkedFiles, ContextPacks packs,
            Optional<String> folderBefore) {
        Environment env = sources.environment();
        ManifestGenerator generator = new ManifestGenerator(new GenerateOptions(request.commit()));
        List<GeneratedUnit> units = generator.units(sources, diagnostics);
        if (packs != null) {
            packs.write(folderName(sources), ContextPacks.key(request.sources(), env.document().file(), request.commit()),
                    request.sources(), env.document().file(), folderBefore, sources.emissionKeys(), units);
        }
        List<EmittedObject> objects = generator.assemble(env, units, diagnostics);
        return checkEnvironment(request, env, objects, policies, checker, diagnostics, output, checkedFiles);
    }

    /** The check and lay-out stages of one environment's generated objects (the Argo CD objects are added here). */
    private EnvironmentResult checkEnvironment(CompileRequest request, Environment env, List<EmittedObject> generated,
            PolicyLoader policies, Checker checker, Diagnostics diagnostics, Output output, Set<String> checkedFiles) {
        List<EmittedObject> objects = new ArrayList<>(generated);
        objects.addAll(ArgoGenerator.generate(env, objects));
        ResolvedPolicy policy = policies.resolve(env, diagnostics);
        List<CrdSource> crds = new ArrayList<>(request.extraCrds());
        crds.addAll(crdFiles(request, env, diagnostics));
        List<Overlay> overlays = new OverlayLoader(yaml).load(request.sources(), env.name(), diagnostics);
        OverlayWiring.Wired wired = OverlayWiring.wire(env, overlays, objects, diagnostics, YamlWriter::writesNonPlain);
        Map<String, ObjectNode> extras = wired.entries();
        // what reaches the cluster is checked: the objects as the overlays' patches make them (those kustomize
        // merges without keys; one a patch deletes not at all), and the extra resources as kustomize passes them on
        List<EmittedObject> checked = wired.asRendered(objects);
        if (!wired.resources().isEmpty()) {
            checked = new ArrayList<>(checked);
            checked.addAll(wired.asRendered(wired.resources()));
        }
        Predicate<EmittedObject> inCheckedFiles = object -> checkedFiles.isEmpty() || checkedFiles.contains(object.origin().file());
        EnvironmentView view = new EnvironmentView(env, env.operatorVersion(), checked, crds);
        diagnostics.addAll(checker.check(view, policy::settings, policy.customRules(), policy.suppressor(), inCheckedFiles));
        if (!wired.patches().isEmpty()) {
            // a patch of another kind is merged by its OpenAPI schema when kustomize renders the root; what it writes is checked
            EnvironmentView patches = new EnvironmentView(env, env.operatorVersion(), wired.patches(), crds);
            diagnostics.addAll(new Checker(List.of(patchSchema), request.categories()).check(patches, policy::settings, List.of(),
                    policy.suppressor(), inCheckedFiles));
        }
        if (output == Output.FINDINGS_ONLY) {
            return new EnvironmentResult(env, objects, checked, new TreeMap<>(), List.copyOf(policy.used()));
        }
        var files = OutputLayout.layout(env.name(), objects, extras);
        for (Overlay o : overlays) {
            if (extras.containsKey(o.root())) {
                files.put(env.name() + "/" + o.root() + "/" + o.outputName(), o.bytes());
            }
        }
        if (env.argocd().repoURL() != null) {
            files.put(env.name() + "/" + ArgoGenerator.ROOT + "/" + ArgoGenerator.HEALTH_PATCH,
                    ("# Generated by flinkops: merge into Argo CD's argocd-cm (kustomize patch) for truthful Flink health.\n"
                            + YamlWriter.write(ArgoGenerator.healthPatch(env))).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return new EnvironmentResult(env, objects, checked, files, List.copyOf(policy.used()));
    }

    private List<CrdSource> crdFiles(CompileRequest request, Environment env, Diagnostics diagnostics) {
        List<CrdSource> out = new ArrayList<>();
        for (int i = 0; i < env.crdFiles().size(); i++) {
            String path = env.crdFiles().get(i);
            Optional<byte[]> bytes = Optional.empty();
            String pointer = "/spec/operator/crdFiles/" + i;
            try {
                bytes = request.sources().read(path);
                if (bytes.isEmpty()) {
                    diagnostics.add(Problems.of(Problems.UNRESOLVED, env.document().sourceMap().best(pointer), pointer,
                            "CRD file " + path + " does not exist", "Name a CRD file relative to the repository root."));
                } else {
                    CrdSource crd = CrdSource.read(path, bytes.get());
                    if (crd.definitions().isEmpty()) {
                        diagnostics.add(Problems.of(Problems.UNRESOLVED, env.document().sourceMap().best(pointer), pointer,
                                "CRD file " + path + " holds no CustomResourceDefinition", "Name the operator's CRD files (kind: CustomResourceDefinition)."));
                    } else {
                        out.add(crd);
                    }
                }
            } catch (InputException e) {
                diagnostics.add(Problems.unreadable(e));
            }
        }
        if (out.isEmpty() && request.extraCrds().isEmpty() && !CrdSchemas.isBuiltIn(env.operatorVersion())) {
            diagnostics.add(Problems.of(Problems.UNRESOLVED, env.document().sourceMap().best("/spec/operator/version"),
                    "/spec/operator/version", "operator version " + env.operatorVersion() + " has no built-in CRDs (built in: "
                            + String.join(", ", CrdSchemas.BUILT_IN) + ")",
                    "Use a built-in version, or name the operator's CRD files in spec.operator.crdFiles."));
        }
        return out;
    }

    /**
     * Checks documents that belong to no environment: raw custom resources named on the command line
     * or read from standard input (for example the output of {@code kubectl kustomize}). The result
     * holds one nameless environment with the checked objects and no files.
     */
    public CompileResult validateDocuments(List<LocatedDocument> documents, CompileRequest request, Diagnostics diagnostics) {
        return validateDocuments(documents, request, diagnostics, false);
    }

    /**
     * The same; {@code enforcePolicies}: the built-in policies at their own severities rather than as
     * advice (see {@link ResolvedPolicy#advisory}), for a CI that holds raw manifests to them.
     */
    public CompileResult validateDocuments(List<LocatedDocument> documents, CompileRequest request, Diagnostics diagnostics,
            boolean enforcePolicies) {
        String version = request.defaultOperatorVersion() != null ? request.defaultOperatorVersion() : CrdSchemas.NEWEST;
        List<EmittedObject> objects = looseObjects(documents, "", diagnostics);
        ResolvedPolicy policy = enforcePolicies ? ResolvedPolicy.builtIn() : ResolvedPolicy.advisory();
        return judgeLoose(null, version, request.extraCrds(), policy, objects, request, diagnostics);
    }

    /**
     * Resources outside any environment folder (a rendered stream: {@code kubectl kustomize} output) judged
     * as objects of environment {@code name}, as a build judges its own: by the operator version it runs
     * (or the request's) and its CRD files, its production rules, buckets and namespaces, and its policy
     * sets with their exceptions. What a patch under overlays/ changes is only seen once kustomize has
     * applied it, so this is where a patch that sets a production job stateless meets the policy it breaks.
     * The environment's and the policy sets' own findings belong to a run that validates the repository.
     */
    public CompileResult validateDocumentsAs(String name, List<LocatedDocument> documents, CompileRequest request, Diagnostics diagnostics) {
        String file = RepositoryLoader.ENVIRONMENTS + "/" + name + "/environment.yaml";
        Diagnostics ignored = new Diagnostics();
        RepositoryLoader loader = new RepositoryLoader(yaml, specSchemas);
        if (!RepositoryLoader.isPlainName(name) || request.sources().read(file).isEmpty()) {
            throw new InputException("no environment '" + name + "' (expected " + file + ")");
        }
        Environment env = loader.load(request.sources(), Map.of(name, List.of(file)), ignored).stream()
                .findFirst().map(EnvironmentSources::environment)
                .orElseThrow(() -> ignored.sorted().stream().filter(d -> d.severity() == Severity.ERROR).findFirst()
                        .map(d -> new InputException(d.location(), "environment '" + name + "' does not load, so it cannot judge the"
                                + " stream: " + d.message() + " [" + d.rule() + "]"))
                        .orElseGet(() -> new InputException("environment '" + name + "' does not load (" + file + ")")));
        String version = request.defaultOperatorVersion() != null ? request.defaultOperatorVersion() : env.operatorVersion();
        List<CrdSource> crds = new ArrayList<>(request.extraCrds());
        crds.addAll(crdFiles(request, env, ignored));
        ResolvedPolicy policy = new PolicyLoader(yaml, loader, catalog, request.today()).read(request.policies(), ignored).resolve(env, ignored);
        List<Overlay> overlays = new OverlayLoader(yaml).load(request.sources(), name, ignored);
        List<EmittedObject> objects = RenderedRoot.asDeployed(looseObjects(documents, name, diagnostics), overlays);
        return judgeLoose(env, version, crds, policy, objects, request, diagnostics);
    }

    /** Checks objects read outside any environment folder, as environment {@code env}'s (null: of none) under {@code policy}. */
    private CompileResult judgeLoose(Environment env, String version, List<CrdSource> crds, ResolvedPolicy policy,
            List<EmittedObject> objects, CompileRequest request, Diagnostics diagnostics) {
        if (!CrdSchemas.isBuiltIn(version) && crds.isEmpty()) {
            throw new InputException("operator version '" + version + "'" + (env == null ? "" : " of environment " + env.name())
                    + " has no built-in CRDs (built in: " + String.join(", ", CrdSchemas.BUILT_IN) + "); name a CRD file with --crd"
                    + (env == null ? "" : " or spec.operator.crdFiles"));
        }
        // a stream judged as an environment's takes its operator's defaults; one outside any, those given
        EnvironmentView view = new EnvironmentView(env, version, objects, crds,
                env != null ? env.operatorConfiguration() : request.operatorConfiguration());
        diagnostics.addAll(new Checker(catalog.rules(), request.categories()).check(view, policy::settings, policy.customRules(),
                policy.suppressor()));
        return new CompileResult(List.of(new EnvironmentResult(env == null ? "" : env.name(), env, objects, objects, new TreeMap<>(),
                List.copyOf(policy.used()))), only(request, diagnostics.sorted()));
    }

    /** The objects of documents read outside any environment folder, each the root of its namespace. */
    private static List<EmittedObject> looseObjects(List<LocatedDocument> documents, String environment, Diagnostics diagnostics) {
        List<EmittedObject> objects = new ArrayList<>();
        for (LocatedDocument doc : ListDocuments.inline(documents, diagnostics)) {
            if (doc.root().path("apiVersion").asText("").startsWith("kustomize.config.k8s.io/")) {
                // kubectl apply -f refuses it too, but for want of a resource type: say what it is
                diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.sourceMap().best("/kind"), "/kind",
                        "a " + doc.root().path("kind").asText("Kustomization") + " is kustomize's configuration, not a resource the cluster takes",
                        "Check what it renders: kubectl kustomize <its folder> | flinkops validate -"));
                continue;
            }
            Optional<String> unserved = doc.root().isObject() && isKubernetesObject(doc) ? RepositoryLoader.unserved(doc.root()) : Optional.empty();
            if (unserved.isPresent()) {
                diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.sourceMap().best("/apiVersion"), "/apiVersion", unserved.get(),
                        "Write the apiVersion that serves the kind: v1 for the core kinds, flink.apache.org/v1beta1 for"
                                + " FlinkDeployment and FlinkSessionJob."));
                continue;
            }
            if (doc.root().isObject() && isKubernetesObject(doc) && !doc.root().path("apiVersion").asText().startsWith("flink")) {
                // Namespaces, NetworkPolicies and the like in a rendered stream: context for the rules
                String ns = doc.root().path("metadata").path("namespace").asText("");
                objects.add(new EmittedObject(environment, ns, (ObjectNode) doc.root(), Origin.identity(doc.sourceMap())));
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
            objects.add(new EmittedObject(environment, ns, (ObjectNode) doc.root(), Origin.identity(doc.sourceMap())));
        }
        return objects;
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
