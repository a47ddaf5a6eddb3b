package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.load.OverlayLoader;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.pipeline.CompileRequest;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.policy.PolicyLoader;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.source.FileErrors;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.LocatedDocument;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

final class ValidateCommand extends Subcommand {
    static final long STDIN_LIMIT = 64L * 1024 * 1024;

    private CommonOptions options;
    private boolean enforcePolicies;

    ValidateCommand(FlinkopsCli parent) {
        super(parent, "validate", "Run every check and report findings; write nothing.",
                "With no PATH, the whole repository. A file under environments/<env>/ or overlays/<env>/ is checked in its "
                        + "environment, one under policies/ as environments load it; other files (and '-' for standard input, "
                        + "such as `kubectl kustomize` output) as raw custom resources.");
        CommonOptions.addTo(spec);
        spec.addPositional(Specs.parameter("PATH", "0..*", List.class, "Files or folders to check, or - for standard input.")
                .auxiliaryTypes(String.class).build());
        spec.addOption(Specs.flag("--enforce-policies", "Raw resources outside any environment (without --env): the built-in "
                + "policies at their own severities, errors failing the run, instead of as warnings."));
    }

    @Override
    public Integer call() {
        options = new CommonOptions(spec);
        enforcePolicies = Specs.isSet(spec, "--enforce-policies");
        List<String> paths = Specs.values(spec.positionalParameters().get(0));
        if (paths.contains("")) {
            // `flinkops validate "$FILE"` with FILE unset would otherwise name the current folder
            throw new InputException("a PATH is empty (an unset variable?); name a file or folder, or give none for the whole repository");
        }
        CliContext ctx = parent.context();
        Compiler compiler = parent.compiler();
        Path root = Runs.repoRoot(ctx, options);
        if (paths.isEmpty()) {
            SourceTree sources = Runs.sources(ctx, options);
            CompileResult result = compiler.compile(Runs.request(ctx, options, sources), Runs.cache(ctx, options),
                    Compiler.Output.FINDINGS_ONLY);
            Runs.requireEnvironments(sources, result);
            Runs.noteOperatorVersionUnused(ctx, options);
            noteEnforcePoliciesUnused(ctx, false);
            Runs.emitReports(ctx, options, Runs.report(compiler, result, Runs.objects(result)));
            return Runs.exitCode(result);
        }
        Set<String> environments = new TreeSet<>();
        boolean policyFiles = false;
        Set<String> envFiles = new LinkedHashSet<>();
        List<LocatedDocument> loose = new ArrayList<>();
        boolean rawInput = false; // a stream or a file outside environments, read or not
        Diagnostics diagnostics = new Diagnostics();
        for (String p : paths) {
            if (p.equals("-")) {
                rawInput = true;
                // a rendered stream (kubectl kustomize output) may hold a whole environment
                var stream = new io.flinkops.compiler.yaml.YamlReader(compiler.yaml().limits().withMaxBytes(STDIN_LIMIT));
                try {
                    loose.addAll(stream.read("-", readStdin(ctx)));
                } catch (InputException e) {
                    diagnostics.add(Problems.unreadable(e));
                }
                continue;
            }
            Path file = ctx.cwd().resolve(p).toAbsolutePath().normalize();
            if (!Files.exists(file)) {
                throw new InputException(SourceLocation.start(p), FileErrors.missing(file));
            }
            List<Path> files = Files.isDirectory(file) ? yamlFiles(file) : List.of(file);
            for (Path f : files) {
                String rel = f.startsWith(root) ? root.relativize(f).toString().replace('\\', '/') : null;
                String[] parts = rel == null ? new String[0] : rel.split("/");
                boolean inRepository = rel != null && options.ref == null;
                if (inRepository && parts.length >= 2 && !SourceTree.isYaml(rel) && (parts[0].equals(RepositoryLoader.ENVIRONMENTS)
                        || parts[0].equals(OverlayLoader.OVERLAYS) || parts[0].equals(PolicyLoader.POLICIES))) {
                    // a pre-commit hook that hands over every changed file: say so rather than pass over it in silence
                    Runs.note(ctx, rel + " is not a .yaml or .yml file, which flinkops does not read under " + parts[0] + "/: nothing in it was checked");
                    continue;
                }
                if (inRepository && parts.length >= 3
                        && (parts[0].equals(RepositoryLoader.ENVIRONMENTS) || parts[0].equals(OverlayLoader.OVERLAYS))) {
                    // specs and overlays are checked within their environment
                    environments.add(parts[1]);
                    envFiles.add(rel);
                } else if (inRepository && parts.length >= 2 && parts[0].equals(PolicyLoader.POLICIES)) {
                    // a policy set is read by every environment; one of them is enough to check it
                    policyFiles = true;
                    envFiles.add(rel);
                } else {
                    rawInput = true;
                    String name = rel != null ? rel : f.toString();
                    try {
                        loose.addAll(compiler.yaml().read(name, FileSystemTree.readFile(f, name, compiler.yaml().limits())));
                    } catch (InputException e) {
                        diagnostics.add(Problems.unreadable(e));
                    } catch (IOException e) {
                        throw new InputException(SourceLocation.start(name), "cannot read: " + FileErrors.reason(e));
                    }
                }
            }
        }
        List<Diagnostic> found = new ArrayList<>();
        List<EmittedObject> objects = new ArrayList<>();
        SourceTree sources = Runs.sources(ctx, options);
        if (policyFiles && environments.isEmpty()) {
            RepositoryLoader.environmentFiles(sources).keySet().stream().findFirst().ifPresent(environments::add);
        }
        CompileRequest request = Runs.request(ctx, options, sources);
        // Specs alone: only their objects need the per-object checks. An environment file, an overlay
        // or a policy set can place a finding on any object of the environment, so then all are checked.
        Set<String> checked = envFiles.stream().allMatch(ValidateCommand::isSpec) ? envFiles : Set.of();
        for (String env : environments) {
            // specs alone may take the rest of their environment from its context pack (under the cache)
            CompileResult result = compiler.compile(request.withEnvironment(env), checked.isEmpty() ? null : Runs.cache(ctx, options),
                    Compiler.Output.FINDINGS_ONLY, checked);
            List<EmittedObject> named = new ArrayList<>();
            for (var e : result.environments()) {
                for (EmittedObject o : e.judged()) { // loops: 1,000 objects in a JVM just started
                    if (drawsOnAny(o, envFiles)) {
                        named.add(o);
                    }
                }
            }
            for (Diagnostic d : result.diagnostics()) {
                if (envFiles.contains(d.location().file()) || Compiler.isOnObjectOf(d, named, envFiles)) {
                    found.add(d);
                }
            }
            objects.addAll(named);
        }
        if (!rawInput) {
            Runs.noteOperatorVersionUnused(ctx, options);
        }
        if (!rawInput || options.env != null) {
            noteEnforcePoliciesUnused(ctx, rawInput);
        }
        // a rendered stream "as environment NAME's" is judged as a build judges that environment's objects
        CompileResult looseResult = options.env != null && !loose.isEmpty()
                ? compiler.validateDocumentsAs(options.env, loose, request, diagnostics)
                : compiler.validateDocuments(loose, request, diagnostics, enforcePolicies);
        found.addAll(looseResult.diagnostics());
        found.sort(Diagnostic.ORDER);
        CompileResult merged = new CompileResult(List.of(), found);
        objects.addAll(Runs.objects(looseResult));
        Runs.emitReports(ctx, options, Runs.report(compiler, merged, objects));
        return Runs.exitCode(merged);
    }

    /** Says, on standard error, that --enforce-policies changed nothing: what this run judges has policy sets of its own. */
    private void noteEnforcePoliciesUnused(CliContext ctx, boolean streamForEnvironment) {
        if (enforcePolicies) {
            Runs.note(ctx, "--enforce-policies is for raw resources outside environments/, without --env; "
                    + (streamForEnvironment ? "environment " + options.env + "'s policy sets judge these"
                            : "each environment is judged by its own policy sets"));
        }
    }

    private static boolean drawsOnAny(EmittedObject o, Set<String> files) {
        for (String f : files) {
            if (o.origin().drawsOn(f)) {
                return true;
            }
        }
        return false;
    }

    /** A spec under environments/<env>/: neither the environment's own file nor an overlay or a policy set. */
    private static boolean isSpec(String path) {
        String[] parts = path.split("/");
        return parts.length >= 3 && parts[0].equals(RepositoryLoader.ENVIRONMENTS)
                && RepositoryLoader.environmentFile(parts[1], List.of(path)).isEmpty();
    }

    private static byte[] readStdin(CliContext ctx) {
        try {
            return ctx.in().readNBytes((int) STDIN_LIMIT + 1);
        } catch (IOException e) {
            throw new InputException("cannot read standard input: " + e.getMessage());
        }
    }

    private static List<Path> yamlFiles(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            // a pipe or device named like YAML is kept, to be refused by name where it is read
            return walk.filter(p -> SourceTree.isYaml(p.toString()) && !Files.isDirectory(p))
                    .sorted().toList();
        } catch (IOException e) {
            throw new InputException(SourceLocation.start(dir.toString()), "cannot list: " + FileErrors.reason(e));
        }
    }
}
