package io.flinkops.compiler.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.GeneratedUnit;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.model.Egress;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.JsonTrees;
import io.flinkops.compiler.yaml.SourceMap;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * One pack per environment under {@code build/cache/context/}: what each of its spec files
 * contributed when the environment was last compiled whole or checked (the emission keys of its
 * documents and its {@link GeneratedUnit}s), with the file's stamp and content fingerprint. A check of
 * a few spec files takes every other file's units from the pack instead of parsing, binding and
 * generating them again, when that file has the content packed (its {@link SourceTree#stamp} says so
 * without reading it, or else its {@link #fingerprint}); files added or changed since are parsed and
 * generated like the checked ones, and packed anew. The environment file, the code and the commit
 * stamped on objects must be the same (the pack's key), or the pack is not used. A unit depends on
 * nothing else, so a pack that is used is right; it is safe to delete.
 *
 * <p>Units read from a pack know their file but no positions in it: their findings are placed at
 * the file's start. That is enough for the one use, where only the checked files' findings are kept.
 */
public final class ContextPacks {
    /** Where the packs are, in the cache's folder. */
    public static final String FOLDER = "context";
    private static final String FORMAT = "flinkops-context-v1";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A pack of 1,000 jobs is 2.3 MB; one over this is not read (it would be damaged, or not worth it). */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private final Path dir;

    public ContextPacks(Path dir) {
        this.dir = dir;
    }

    /** A spec file as packed: its content's fingerprint, the emission key of each of its documents, and its units. */
    public record PackedFile(String stamp, String fingerprint, List<String> keys, List<GeneratedUnit> units) {
        /** Whether the file still has the content packed: by its stamp, which costs no read, else by its content. */
        boolean unchanged(SourceTree tree, String path, String stampNow) {
            if (stamp != null && stamp.equals(stampNow)) {
                return true;
            }
            return fingerprint.equals(ContextPacks.fingerprint(tree, path));
        }
    }

    /**
     * An environment's pack, by file path, the key it was written under, its environment file, the
     * stamp its folder had when its files were listed (null when unknown), and the {@link SourceTree#stamp}s
     * of its files and folder just after it was read (taken by the thread that read it, off the run's way).
     */
    public record Pack(String key, Map<String, PackedFile> files, String environmentFile, String folderStamp,
            Map<String, String> stamps, String folderStampNow) {

        /**
         * The folder's YAML files as a listing would give them, sorted, when its stamp says no entry was
         * added, removed or renamed since it was packed; empty when a listing must tell.
         */
        public Optional<List<String>> listing() {
            if (folderStamp == null || !folderStamp.equals(folderStampNow)) {
                return Optional.empty();
            }
            List<String> paths = new ArrayList<>(files.keySet());
            paths.add(environmentFile);
            String folder = environmentFile.substring(0, environmentFile.lastIndexOf('/') + 1);
            for (String path : paths) {
                String name = path.startsWith(folder) ? path.substring(folder.length()) : "/";
                if (name.contains("/") || !SourceTree.isYaml(name)) {
                    return Optional.empty(); // not a file a listing of this folder (which holds no folder) could give
                }
            }
            paths.sort(String::compareTo);
            return Optional.of(paths);
        }

        /**
         * The files of {@code paths} but {@code except} that the pack does not hold with their present
         * content (judged by the stamp, else by reading the file): files added or changed since it was
         * written. Files it holds that are gone are not among them (a caller leaves them out).
         */
        public Set<String> notAsPacked(SourceTree tree, List<String> paths, Set<String> except) {
            Set<String> out = new java.util.TreeSet<>();
            for (String p : paths) {
                PackedFile f = files.get(p);
                if (!except.contains(p) && (f == null || !f.unchanged(tree, p, stamps.get(p)))) {
                    out.add(p);
                }
            }
            return out;
        }
    }

    /**
     * The key of an environment's pack: what every unit depends on besides its own file (the code, the
     * environment file, the commit objects are stamped with).
     */
    public static String key(SourceTree tree, String environmentFile, String commit) {
        StringBuilder key = new StringBuilder();
        for (String part : new String[] {FORMAT, ResultCache.code(), "commit=" + commit, environmentFile, fingerprint(tree, environmentFile)}) {
            key.append(part.length()).append(':').append(part).append(';'); // each part length-prefixed: no two lists read alike
        }
        return key.toString();
    }

    /**
     * What a pack records of a file's content: its length and two 32-bit CRCs (CRC-32 and CRC-32C,
     * whose generator polynomials share no factor, so that an accidental change escapes both with a
     * chance of 2^-64). Not a cryptographic hash, as a pack guards against accidents, not against
     * someone who can write the repository (and so the pack): the JVM computes both CRCs with
     * dedicated instructions at any stage of compilation, where SHA-256 would take a one-file check
     * 40 ms for 1,000 specs.
     */
    public static String fingerprint(SourceTree tree, String path) {
        Optional<byte[]> bytes = tree.read(path);
        if (bytes.isEmpty()) {
            return "absent";
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.get());
        CRC32C crcC = new CRC32C();
        crcC.update(bytes.get());
        return bytes.get().length + ":" + Long.toHexString(crc.getValue()) + ":" + Long.toHexString(crcC.getValue());
    }

    /**
     * The pack of an environment, when there is one and it reads, with the stamps of its files in
     * {@code tree}; whether its key is still right is the caller's to judge.
     */
    public Optional<Pack> read(String environment, SourceTree tree) {
        if (!RepositoryLoader.isPlainName(environment)) {
            return Optional.empty();
        }
        Path file = dir.resolve(environment + ".json").toAbsolutePath().normalize();
        CompletableFuture<Optional<Pack>> ahead = PREFETCHED.remove(file);
        return ahead != null ? ahead.join() : readFile(file, tree);
    }

    /** The file an environment's pack is kept in, in a repository. */
    public static Path file(Path repositoryRoot, String environment) {
        return repositoryRoot.resolve(ResultCache.FOLDER).resolve(FOLDER).resolve(environment + ".json");
    }

    private static final Map<Path, CompletableFuture<Optional<Pack>>> PREFETCHED = new ConcurrentHashMap<>();

    /**
     * Starts reading a pack of a repository's working tree on a thread of its own, for the
     * {@link #read} of a run that is only being set up: a command line naming a spec lets the CLI know
     * the pack before its own start-up is done. Whatever it reads is judged by its key and stamps or
     * fingerprints like any pack, so an early read of a file replaced meanwhile is only a pack that
     * does not fit.
     */
    public static void prefetch(Path repositoryRoot, String environment) {
        Path normalized = file(repositoryRoot, environment).toAbsolutePath().normalize();
        if (!RepositoryLoader.isPlainName(environment) || !Files.isRegularFile(normalized) || PREFETCHED.containsKey(normalized)) {
            return;
        }
        CompletableFuture<Optional<Pack>> ahead = new CompletableFuture<>();
        PREFETCHED.put(normalized, ahead);
        Thread t = new Thread(() -> {
            try {
                ahead.complete(readFile(normalized, new FileSystemTree(repositoryRoot)));
            } catch (RuntimeException unreadable) {
                // the run reads the repository itself, and says what is wrong with it
            } finally {
                ahead.complete(Optional.empty()); // the run never waits on a read that failed
            }
        }, "flinkops-context");
        t.setDaemon(true);
        t.start();
    }

    private static Optional<Pack> readFile(Path file, SourceTree tree) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            JsonNode root = JsonTrees.read(Files.readAllBytes(file));
            if (!FORMAT.equals(root.path("format").asText())) {
                return Optional.empty();
            }
            Map<String, PackedFile> files = new HashMap<>();
            for (var e : root.path("files").properties()) {
                String path = e.getKey();
                JsonNode f = e.getValue();
                List<String> keys = new ArrayList<>();
                f.path("keys").forEach(k -> keys.add(k.textValue()));
                List<GeneratedUnit> units = new ArrayList<>();
                SourceMap at = SourceMap.at(SourceLocation.start(path));
                for (JsonNode u : f.path("units")) {
                    units.add(unit(path, at, u));
                }
                String fingerprint = f.path("fingerprint").textValue();
                if (fingerprint == null || keys.contains(null)) {
                    throw new IOException("damaged pack entry " + path);
                }
                files.put(path, new PackedFile(f.path("stamp").textValue(), fingerprint, keys, units));
            }
            Map<String, String> stamps = new HashMap<>();
            files.keySet().forEach(path -> tree.stamp(path).ifPresent(stamp -> stamps.put(path, stamp)));
            String environmentFile = root.path("environmentFile").textValue();
            if (environmentFile == null || !environmentFile.contains("/")) {
                throw new IOException("pack names no environment file");
            }
            String folder = environmentFile.substring(0, environmentFile.lastIndexOf('/'));
            return Optional.of(new Pack(root.path("key").asText(), files, environmentFile, root.path("folderStamp").textValue(),
                    stamps, tree.folderStamp(folder).orElse(null)));
        } catch (IOException | RuntimeException damaged) {
            return Optional.empty(); // a pack that does not read (or a tree that cannot be stamped) is not used
        }
    }

    /**
     * Packs an environment: each spec file's stamp, fingerprint, keys and units ({@code units} as the
     * generator made them, every file's), and its folder's stamp when {@code folderBeforeListing}, taken
     * before its files were listed, is still the folder's (no entry changed since the listing).
     * Written whole or not at all; failing to write is not an error of the run.
     */
    public void write(String environment, String key, SourceTree tree, String environmentFile, Optional<String> folderBeforeListing,
            Map<String, List<String>> keysByFile, List<GeneratedUnit> units) {
        Map<String, PackedFile> files = new ConcurrentHashMap<>();
        Map<String, List<GeneratedUnit>> byFile = byFile(units);
        try {
            keysByFile.keySet().parallelStream().forEach(p -> files.put(p, packed(tree, p, keysByFile.get(p), byFile)));
        } catch (RuntimeException unreadable) {
            return; // a file that cannot be read (the run reports it) leaves the environment unpacked
        }
        write(environment, new Pack(key, files, environmentFile, unchangedFolder(tree, environmentFile, folderBeforeListing),
                Map.of(), null));
    }

    private static String unchangedFolder(SourceTree tree, String environmentFile, Optional<String> before) {
        String folder = environmentFile.substring(0, environmentFile.lastIndexOf('/'));
        return before.isPresent() && before.equals(tree.folderStamp(folder)) ? before.get() : null;
    }

    /**
     * The pack with these files packed anew (the files a run that took the others from it parsed: the
     * checked ones, and those added or changed since), without the files no longer in {@code paths},
     * and with the folder's stamp taken before the run listed it; empty when all is as packed.
     */
    public static Optional<Pack> refreshed(Pack pack, SourceTree tree, Optional<String> folderBeforeListing, List<String> paths,
            Map<String, List<String>> keysByFile, List<GeneratedUnit> units) {
        Set<String> present = new HashSet<>(paths);
        boolean changed = !present.containsAll(pack.files().keySet()) || keysByFile.keySet().stream().anyMatch(p -> {
            PackedFile f = pack.files().get(p);
            return f == null || !f.fingerprint().equals(fingerprint(tree, p)) || !f.keys().equals(keysByFile.get(p));
        });
        String folderStamp = unchangedFolder(tree, pack.environmentFile(), folderBeforeListing);
        if (!changed && (folderStamp == null || folderStamp.equals(pack.folderStamp()))) {
            return Optional.empty();
        }
        Map<String, PackedFile> files = new HashMap<>(pack.files());
        files.keySet().retainAll(present);
        Map<String, List<GeneratedUnit>> byFile = byFile(units);
        keysByFile.forEach((p, keys) -> files.put(p, packed(tree, p, keys, byFile)));
        return Optional.of(new Pack(pack.key(), files, pack.environmentFile(), folderStamp, Map.of(), null));
    }

    private static Map<String, List<GeneratedUnit>> byFile(List<GeneratedUnit> units) {
        Map<String, List<GeneratedUnit>> byFile = new HashMap<>();
        units.forEach(u -> byFile.computeIfAbsent(u.file(), f -> new ArrayList<>()).add(u));
        return byFile;
    }

    private static PackedFile packed(SourceTree tree, String path, List<String> keys, Map<String, List<GeneratedUnit>> byFile) {
        String stamp = tree.stamp(path).orElse(null); // before the content: a change between the two then shows
        return new PackedFile(stamp, fingerprint(tree, path), keys, byFile.getOrDefault(path, List.of()));
    }

    /** Writes a pack whole or not at all; failing to write is not an error of the run. */
    public void write(String environment, Pack pack) {
        if (!RepositoryLoader.isPlainName(environment)) {
            return;
        }
        try {
            ObjectNode root = NODES.objectNode();
            root.put("format", FORMAT).put("key", pack.key()).put("environmentFile", pack.environmentFile())
                    .put("folderStamp", pack.folderStamp());
            ObjectNode files = root.putObject("files");
            new java.util.TreeMap<>(pack.files()).forEach((path, packed) -> {
                ObjectNode f = files.putObject(path);
                f.put("stamp", packed.stamp()).put("fingerprint", packed.fingerprint());
                ArrayNode k = f.putArray("keys");
                packed.keys().forEach(k::add);
                ArrayNode us = f.putArray("units");
                packed.units().forEach(u -> us.add(json(u)));
            });
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, environment, ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    JsonTrees.write(root, out);
                }
                Files.move(tmp, dir.resolve(environment + ".json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // the pack is an optimization
        }
    }

    private static ObjectNode json(GeneratedUnit u) {
        ObjectNode n = NODES.objectNode();
        n.put("kind", u.kind().name()).put("namespace", u.namespace()).put("name", u.name()).put("cluster", u.cluster())
                .put("native", u.nativeMode());
        ArrayNode egress = n.putArray("egress");
        for (Egress e : u.egress()) {
            ObjectNode o = egress.addObject().put("name", e.name()).put("cidr", e.cidr()).put("namespace", e.namespace())
                    .put("protocol", e.protocol()).put("pointer", e.pointer());
            ArrayNode ports = o.putArray("ports");
            e.ports().forEach(ports::add);
        }
        if (u.workload() != null) {
            n.put("environment", u.workload().environment()).put("root", u.workload().root());
            n.set("object", u.workload().object());
        }
        return n;
    }

    private static GeneratedUnit unit(String path, SourceMap at, JsonNode n) {
        SpecKind kind = SpecKind.valueOf(n.path("kind").textValue());
        List<Egress> egress = new ArrayList<>();
        for (JsonNode e : n.path("egress")) {
            List<Integer> ports = new ArrayList<>();
            e.path("ports").forEach(p -> ports.add(p.intValue()));
            egress.add(new Egress(e.path("name").textValue(), e.path("cidr").textValue(), e.path("namespace").textValue(),
                    List.copyOf(ports), e.path("protocol").textValue(), e.path("pointer").textValue()));
        }
        EmittedObject workload = null;
        if (n.path("object").isObject()) {
            Origin origin = kind.isRaw() ? Origin.identity(at) : Origin.of(at, "");
            workload = new EmittedObject(n.path("environment").textValue(), n.path("root").textValue(), (ObjectNode) n.path("object"), origin);
        }
        return new GeneratedUnit(path, at, kind, n.path("namespace").textValue(), n.path("name").textValue(),
                n.path("cluster").textValue(), n.path("native").asBoolean(), List.copyOf(egress), workload);
    }
}
