package io.flinkops.compiler.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.concurrent.Daemon;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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
    /** A pack's file is named after its environment, with this extension. */
    public static final String EXTENSION = ".pack";
    private static final String FORMAT = "flinkops-context-v3";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A pack of 1,000 jobs is 2.9 MB; one over this is not read (it would be damaged, or not worth it). */
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
     * of its files and folder just after it was read (taken by the thread that read it, off the run's way),
     * and the JSON of each packed object it holds (by identity), which a pack written from it copies.
     */
    public record Pack(String key, Map<String, PackedFile> files, String environmentFile, String folderStamp,
            Map<String, String> stamps, String folderStampNow, Map<EmittedObject, PackedJson> packedObjects) {

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
     * someone who can write the repository (and so the pack). Only files whose stamp does not tell
     * are fingerprinted at a check, a few as a rule, where SHA-256 of 1,000 specs took a one-file
     * check 40 ms.
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
        Path file = dir.resolve(environment + EXTENSION).toAbsolutePath().normalize();
        CompletableFuture<Optional<Pack>> ahead = PREFETCHED.remove(file);
        return ahead != null ? ahead.join() : readFile(file, tree);
    }

    /** The file an environment's pack is kept in, in a repository. */
    public static Path file(Path repositoryRoot, String environment) {
        return repositoryRoot.resolve(ResultCache.FOLDER).resolve(FOLDER).resolve(environment + EXTENSION);
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
        Daemon.start("flinkops-context", () -> {
            try {
                ahead.complete(readFile(normalized, new FileSystemTree(repositoryRoot)));
            } catch (RuntimeException unreadable) {
                // the run reads the repository itself, and says what is wrong with it
            } finally {
                ahead.complete(Optional.empty()); // the run never waits on a read that failed
            }
        });
    }

    /**
     * A packed object's JSON, in the bytes of the pack it was read from: parsed when first used, and
     * copied as it is into the next pack.
     */
    public record PackedJson(byte[] bytes, int offset, int length) implements Supplier<ObjectNode> {
        @Override
        public ObjectNode get() {
            try {
                return (ObjectNode) JsonTrees.read(bytes, offset, length);
            } catch (IOException | ClassCastException e) {
                // the pack's checksum matched when it was read: only a bug writes this
                throw new IllegalStateException("a context pack holds an object that does not read: " + e.getMessage(), e);
            }
        }
    }

    /*
     * The file: a first line "FORMAT HEADER_BYTES CRC" ({@link SealedFile}), the header of that many
     * bytes, then the objects' JSON one after the other. The header
     * ({@link Records}) holds the key, the environment file and the folder's stamp, then per file its
     * path, stamp, fingerprint, keys and units, a unit with the length of its object and the object's
     * identity and Flink configuration. A check reads the header; an object is parsed only when a rule
     * reads more than its identity and configuration (the bulk of a pack, and of the time a check of
     * one spec among 1,000 took to read it).
     */
    private static Optional<Pack> readFile(Path file, SourceTree tree) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES) {
                return Optional.empty();
            }
            byte[] bytes = Files.readAllBytes(file);
            Optional<SealedFile.Opened> opened = SealedFile.open(bytes, FORMAT);
            if (opened.isEmpty() || !opened.get().field().matches("[0-9]{1,9}")) {
                return Optional.empty(); // another format, cut short, or damaged
            }
            int headerStart = opened.get().bodyStart();
            int objectsStart = headerStart + Integer.parseInt(opened.get().field());
            if (objectsStart > bytes.length) {
                return Optional.empty();
            }
            Records.Reader in = new Records.Reader(bytes, headerStart, objectsStart);
            String key = in.string();
            String environmentFile = in.string();
            String folderStamp = in.string();
            if (key == null || environmentFile == null || !environmentFile.contains("/")) {
                throw new IOException("pack names no key or environment file");
            }
            Map<String, PackedFile> files = new HashMap<>();
            Map<EmittedObject, PackedJson> packedObjects = new IdentityHashMap<>();
            int[] next = {objectsStart}; // the objects follow one another as the header lists them, and fill the rest
            for (Map.Entry<String, PackedFile> f : in.list(16, r -> file(r, bytes, next, packedObjects))) {
                files.put(f.getKey(), f.getValue());
            }
            if (in.position() != objectsStart || next[0] != bytes.length) {
                return Optional.empty();
            }
            Map<String, String> stamps = new ConcurrentHashMap<>();
            files.keySet().parallelStream().forEach(path -> tree.stamp(path).ifPresent(stamp -> stamps.put(path, stamp)));
            String folder = environmentFile.substring(0, environmentFile.lastIndexOf('/'));
            return Optional.of(new Pack(key, files, environmentFile, folderStamp, stamps, tree.folderStamp(folder).orElse(null), packedObjects));
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
                Map.of(), null, Map.of()));
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
        return Optional.of(new Pack(pack.key(), files, pack.environmentFile(), folderStamp, Map.of(), null, pack.packedObjects()));
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
            ByteArrayOutputStream objects = new ByteArrayOutputStream();
            Records.Writer header = new Records.Writer().string(pack.key()).string(pack.environmentFile()).string(pack.folderStamp());
            header.list(new java.util.TreeMap<>(pack.files()).entrySet(), (out, e) -> out.string(e.getKey()).string(e.getValue().stamp())
                    .string(e.getValue().fingerprint()).list(e.getValue().keys(), Records.Writer::string)
                    .list(e.getValue().units(), (o, u) -> unit(o, u, objects, pack.packedObjects())));
            byte[] head = header.toByteArray();
            SealedFile.write(dir, environment + EXTENSION, FORMAT, Integer.toString(head.length), head, objects.toByteArray());
        } catch (IOException | RuntimeException e) {
            // the pack is an optimization
        }
    }

    /** How a packed object's Flink configuration is recorded: none, a map of strings, or any other JSON. */
    private static final int NO_CONFIGURATION = 0;
    private static final int STRINGS = 1;
    private static final int JSON = 2;

    /** A unit into the header; its object goes to {@code objects}, as it was packed when it was read from a pack. */
    private static void unit(Records.Writer out, GeneratedUnit u, ByteArrayOutputStream objects,
            Map<EmittedObject, PackedJson> packedObjects) throws IOException {
        out.string(u.kind().name()).string(u.namespace()).string(u.name()).string(u.cluster()).flag(u.nativeMode());
        out.list(u.egress(), (o, e) -> o.string(e.name()).string(e.cidr()).string(e.namespace()).string(e.protocol())
                .string(e.pointer()).list(e.ports(), Records.Writer::integer));
        EmittedObject w = u.workload();
        out.flag(w != null);
        if (w == null) {
            return;
        }
        PackedJson raw = packedObjects.get(w);
        int before = objects.size();
        if (raw != null) {
            objects.write(raw.bytes(), raw.offset(), raw.length());
        } else {
            JsonTrees.write(w.object(), objects);
        }
        EmittedObject.Identity id = w.identity();
        out.string(w.environment()).string(w.root()).integer(objects.size() - before)
                .string(id.apiVersion()).string(id.kind()).string(id.namespace()).string(id.name());
        JsonNode conf = w.flinkConfiguration();
        boolean strings = conf.isObject();
        for (JsonNode v : conf) {
            strings &= v.isTextual();
        }
        if (conf.isMissingNode()) {
            out.integer(NO_CONFIGURATION);
        } else if (strings) {
            out.integer(STRINGS).list(conf.properties(), (o, e) -> o.string(e.getKey()).string(e.getValue().textValue()));
        } else {
            ByteArrayOutputStream json = new ByteArrayOutputStream();
            JsonTrees.write(conf, json);
            out.integer(JSON).string(json.toString(StandardCharsets.UTF_8));
        }
    }

    /** A spec file's entry of the header, by path; its units' objects are the next ones in the pack (see {@link #unit}). */
    private static Map.Entry<String, PackedFile> file(Records.Reader in, byte[] bytes, int[] next,
            Map<EmittedObject, PackedJson> packedObjects) throws IOException {
        String path = in.string();
        String stamp = in.string();
        String fingerprint = in.string();
        List<String> keys = in.list(4, Records.Reader::string);
        SourceMap at = SourceMap.at(SourceLocation.start(path));
        List<GeneratedUnit> units = in.list(22, r -> unit(r, path, at, bytes, next, packedObjects));
        if (path == null || fingerprint == null || keys.contains(null)) {
            throw new IOException("damaged pack entry " + path);
        }
        return Map.entry(path, new PackedFile(stamp, fingerprint, keys, units));
    }

    /** A unit from the header; its object is the one at {@code next[0]} in the pack, and {@code next[0]} moves past it. */
    private static GeneratedUnit unit(Records.Reader in, String path, SourceMap at, byte[] bytes, int[] next,
            Map<EmittedObject, PackedJson> packedObjects) throws IOException {
        SpecKind kind = SpecKind.valueOf(in.string());
        String namespace = in.string();
        String name = in.string();
        String cluster = in.string();
        boolean nativeMode = in.flag();
        List<Egress> egress = in.list(24, r -> {
            String egressName = r.string();
            String cidr = r.string();
            String egressNamespace = r.string();
            String protocol = r.string();
            String pointer = r.string();
            return new Egress(egressName, cidr, egressNamespace, List.copyOf(r.list(4, Records.Reader::integer)), protocol, pointer);
        });
        EmittedObject workload = null;
        if (in.flag()) {
            String environment = in.string();
            String root = in.string();
            int length = in.integer();
            if (length <= 0 || length > bytes.length - next[0]) {
                throw new IOException("damaged pack entry " + path);
            }
            PackedJson json = new PackedJson(bytes, next[0], length);
            next[0] += length;
            EmittedObject.Identity id = new EmittedObject.Identity(in.string(), in.string(), in.string(), in.string());
            if (id.apiVersion() == null || id.kind() == null || id.namespace() == null || id.name() == null) {
                throw new IOException("damaged pack entry " + path);
            }
            JsonNode conf = switch (in.integer()) {
                case NO_CONFIGURATION -> null;
                case STRINGS -> {
                    ObjectNode strings = NODES.objectNode();
                    in.list(8, r -> Map.entry(r.string(), r.string())).forEach(e -> strings.put(e.getKey(), e.getValue()));
                    yield strings;
                }
                case JSON -> JsonTrees.read(in.string().getBytes(StandardCharsets.UTF_8));
                default -> throw new IOException("damaged pack entry " + path);
            };
            Origin origin = kind.isRaw() ? Origin.identity(at) : Origin.of(at, "");
            workload = EmittedObject.deferred(environment, root, id, conf, json, origin);
            packedObjects.put(workload, json);
        }
        return new GeneratedUnit(path, at, kind, namespace, name, cluster, nativeMode, List.copyOf(egress), workload);
    }

}
