package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.cache.ContextPacks;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.GenerateOptions;
import io.flinkops.compiler.generate.GeneratedUnit;
import io.flinkops.compiler.generate.ManifestGenerator;
import io.flinkops.compiler.load.EnvironmentSources;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.model.Environment;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An environment generated for a check of some of its spec files, with every other file's units from
 * the environment's context pack ({@link ContextPacks}): its objects, the findings of loading and
 * generating the checked files, and the repacking of those files that goes on beside the checks.
 */
record PackedEnvironment(Environment environment, List<EmittedObject> objects, Diagnostics diagnostics,
        CompletableFuture<Void> repacking) {

    /**
     * Generates an environment for a check of some of its spec files, with every other file's units
     * from the environment's context pack: only the environment file, the checked files and the files
     * added or changed since the pack was written are parsed and generated. Empty when the pack cannot
     * be used (no pack, another environment file or flinkops, a packed duplicate that no longer is):
     * then the environment is compiled whole, and packed anew.
     */
    static Optional<PackedEnvironment> generate(CompileRequest request, String name, List<String> paths, Set<String> checkedFiles,
            Optional<ContextPacks.Pack> read, ContextPacks packs, Optional<String> folderBefore, RepositoryLoader loader) {
        try {
            return fromPack(request, name, paths, checkedFiles, read, packs, folderBefore, loader);
        } catch (InputException | UncheckedIOException unreadable) {
            return Optional.empty(); // a file that cannot be read is reported by the whole environment's run
        }
    }

    private static Optional<PackedEnvironment> fromPack(CompileRequest request, String name, List<String> paths, Set<String> checkedFiles,
            Optional<ContextPacks.Pack> read, ContextPacks packs, Optional<String> folderBefore, RepositoryLoader loader) {
        Optional<String> envFile = RepositoryLoader.environmentFile(name, paths);
        if (envFile.isEmpty() || read.isEmpty()
                || !read.get().key().equals(ContextPacks.key(request.sources(), envFile.get(), request.commit()))) {
            return Optional.empty();
        }
        // parsed and generated: the environment file, the checked files, and those added or changed
        // since the pack was written (their per-object checks are not run, they are not checked)
        Set<String> fresh = new HashSet<>(checkedFiles);
        fresh.add(envFile.get());
        ContextPacks.Pack pack = read.get();
        fresh.addAll(pack.notAsPacked(request.sources(), paths, fresh));
        Map<String, List<String>> known = new HashMap<>();
        for (String path : paths) {
            if (!fresh.contains(path)) {
                known.put(path, pack.files().get(path).keys());
            }
        }
        Diagnostics own = new Diagnostics();
        Set<String> dropped = new HashSet<>();
        Optional<EnvironmentSources> part = loader.loadPart(request.sources(), name, paths, known, dropped, own);
        if (part.isEmpty()) {
            return Optional.empty();
        }
        ManifestGenerator generator = new ManifestGenerator(new GenerateOptions(request.commit()));
        Map<String, List<GeneratedUnit>> freshUnits = new HashMap<>();
        generator.units(part.get(), own).forEach(u -> freshUnits.computeIfAbsent(u.file(), f -> new ArrayList<>()).add(u));
        List<GeneratedUnit> specs = new ArrayList<>();
        List<GeneratedUnit> raws = new ArrayList<>();
        for (String path : paths) {
            List<GeneratedUnit> fileUnits;
            if (known.containsKey(path)) {
                Optional<List<GeneratedUnit>> kept = keptUnits(path, pack.files().get(path), dropped);
                if (kept.isEmpty()) {
                    return Optional.empty();
                }
                fileUnits = kept.get();
            } else {
                fileUnits = freshUnits.getOrDefault(path, List.of());
            }
            fileUnits.forEach(u -> (u.kind().isRaw() ? raws : specs).add(u));
        }
        specs.addAll(raws); // the generator's order: specs, then raw resources, each in path order
        Environment env = part.get().environment();
        List<EmittedObject> objects = generator.assemble(env, specs, own);
        // the files parsed here that are not as packed are packed anew, beside the checks, so that the
        // next check finds them packed
        List<GeneratedUnit> parsedUnits = new ArrayList<>();
        freshUnits.values().forEach(parsedUnits::addAll);
        CompletableFuture<Void> repacking = CompletableFuture.runAsync(() -> {
            try {
                ContextPacks.refreshed(pack, request.sources(), folderBefore, paths, part.get().emissionKeys(), parsedUnits)
                        .ifPresent(p -> packs.write(name, p));
            } catch (RuntimeException unreadable) {
                // a file that cannot be read is reported by a run that checks it; the pack stays as it was
            }
        }, Compiler::ownThread);
        return Optional.of(new PackedEnvironment(env, objects, own, repacking));
    }

    /**
     * A packed file's units that are still emitted now that its documents' keys have been judged
     * against the checked files; empty when a document that was a duplicate when packed (and so has no
     * unit) no longer is.
     */
    private static Optional<List<GeneratedUnit>> keptUnits(String path, ContextPacks.PackedFile file, Set<String> dropped) {
        Map<String, GeneratedUnit> byKey = new HashMap<>();
        for (GeneratedUnit u : file.units()) {
            byKey.put(RepositoryLoader.emissionKey(u.kind(), u.namespace(), u.name()), u);
        }
        List<GeneratedUnit> kept = new ArrayList<>();
        for (int i = 0; i < file.keys().size(); i++) {
            if (dropped.contains(path + "#" + i)) {
                continue;
            }
            GeneratedUnit u = byKey.remove(file.keys().get(i));
            if (u == null) {
                return Optional.empty();
            }
            kept.add(u);
        }
        return Optional.of(kept);
    }

}
