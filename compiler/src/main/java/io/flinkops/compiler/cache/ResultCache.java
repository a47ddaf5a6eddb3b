package io.flinkops.compiler.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.pipeline.EnvironmentResult;
import io.flinkops.compiler.policy.PolicyException;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.SourceMap;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A content-hash cache of compiled environments under {@code build/cache/}. The key covers every
 * input of an environment (its files, its overlays, all policy files, the request's options, the
 * date exceptions are judged on, and the flinkops code itself); files an environment names besides
 * (CRD files) are re-hashed on every hit. Safe to delete at any time; a miss simply recompiles.
 */
public final class ResultCache {
    private static final class Json { // on first use: a run that only reads a context pack needs no ObjectMapper
        static final ObjectMapper MAPPER = new ObjectMapper();
    }
    private static final String FILES = ".files.json";
    private static volatile String codeFingerprint;

    /** Where a repository keeps its cache, relative to its root. */
    public static final String FOLDER = "build/cache";

    private final Path dir;

    public ResultCache(Path dir) {
        this.dir = dir;
    }

    /** The things a key is made of, besides the environment's own files. */
    public record Inputs(List<String> options, SourceTree sources, SourceTree policies) {}

    public String key(Inputs inputs, String environment, List<String> environmentFiles) {
        MessageDigest sha = Hashes.sha256();
        Hashes.update(sha, "flinkops-cache-v5");
        Hashes.update(sha, code());
        inputs.options().forEach(o -> Hashes.update(sha, o));
        Hashes.update(sha, "environment=" + environment);
        for (String path : environmentFiles) {
            Hashes.file(sha, inputs.sources(), path);
        }
        for (String path : inputs.sources().list("overlays/" + environment)) {
            Hashes.file(sha, inputs.sources(), path);
        }
        for (String path : inputs.policies().list("policies")) {
            Hashes.file(sha, inputs.policies(), path);
        }
        return Hashes.hex(sha);
    }

    /**
     * The cached result and diagnostics of an environment, when the key and every named extra file
     * still match. The output files live in a companion entry, read only {@code withFiles} (a
     * validation needs none; an entry stored by one is a miss for a build).
     */
    public Optional<Entry> get(String key, SourceTree sources, boolean withFiles) {
        Path file = dir.resolve(key + ".json");
        Path filesEntry = dir.resolve(key + FILES);
        if (!Files.isRegularFile(file) || withFiles && !Files.isRegularFile(filesEntry)) {
            return Optional.empty();
        }
        try {
            Optional<JsonNode> sealed = readSealed(file);
            if (sealed.isEmpty()) {
                return Optional.empty();
            }
            JsonNode root = sealed.get();
            for (var e : root.path("extraFiles").properties()) {
                if (!e.getValue().asText().equals(Hashes.of(sources, e.getKey()))) {
                    return Optional.empty();
                }
            }
            SortedMap<String, byte[]> files = new TreeMap<>();
            if (withFiles) {
                Optional<JsonNode> filesJson = readSealed(filesEntry);
                if (filesJson.isEmpty()) {
                    return Optional.empty();
                }
                filesJson.get().properties().forEach(e -> files.put(e.getKey(), Base64.getDecoder().decode(e.getValue().asText())));
            }
            return Optional.of(decode(root, files));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged entry is a miss
        }
    }

    public record Entry(EnvironmentResult result, List<Diagnostic> diagnostics) {}

    public void put(String key, EnvironmentResult result, List<Diagnostic> diagnostics, List<String> extraFiles, SourceTree sources) {
        try {
            ObjectNode root = Json.MAPPER.createObjectNode();
            root.put("environment", result.name());
            ObjectNode extras = root.putObject("extraFiles");
            for (String f : extraFiles) {
                extras.put(f, Hashes.of(sources, f));
            }
            ArrayNode objects = root.putArray("objects");
            for (EmittedObject o : result.judged()) {
                ObjectNode n = objects.addObject();
                n.put("root", o.root()).put("apiVersion", o.apiVersion()).put("kind", o.kind())
                        .put("name", o.name()).put("namespace", o.namespace()).put("origin", o.origin().file());
            }
            ArrayNode diags = root.putArray("diagnostics");
            for (Diagnostic d : diagnostics) {
                diags.addObject().put("rule", d.rule()).put("category", d.category().name()).put("severity", d.severity().name())
                        .put("file", d.location().file()).put("line", d.location().line()).put("column", d.location().column())
                        .put("pointer", d.pointer()).put("message", d.message()).put("remediation", d.remediation());
            }
            ArrayNode used = root.putArray("usedExceptions");
            for (PolicyException e : result.usedExceptions()) {
                used.addObject().put("rule", e.rule()).put("target", e.target()).put("reason", e.reason()).put("expires", e.expires().toString())
                        .put("file", e.location().file()).put("line", e.location().line()).put("column", e.location().column());
            }
            Files.createDirectories(dir);
            if (!result.files().isEmpty()) {
                ObjectNode files = Json.MAPPER.createObjectNode();
                result.files().forEach((k, v) -> files.put(k, Base64.getEncoder().encodeToString(v)));
                store(key + FILES, Json.MAPPER.writeValueAsBytes(files));
            }
            store(key + ".json", Json.MAPPER.writeValueAsBytes(root));
        } catch (IOException | RuntimeException e) {
            // the cache is an optimization; failing to store is not an error of the run
        }
    }

    private static final String FORMAT = "flinkops-cache-entry";

    /**
     * Writes an entry whole or not at all, sealed by its length and CRC-32 ({@link SealedFile}): a
     * hit's output is written as it was stored, so an entry changed since must be a miss, not output.
     */
    private void store(String name, byte[] bytes) throws IOException {
        SealedFile.write(dir, name, FORMAT, Integer.toString(bytes.length), bytes);
    }

    /** An entry's JSON, when it is sealed and its seal holds. */
    private static Optional<JsonNode> readSealed(Path entry) throws IOException {
        Optional<SealedFile.Opened> opened = SealedFile.open(Files.readAllBytes(entry), FORMAT);
        if (opened.isEmpty() || !opened.get().field().equals(Integer.toString(opened.get().bodyLength()))) {
            return Optional.empty();
        }
        SealedFile.Opened o = opened.get();
        return Optional.of(Json.MAPPER.readTree(o.bytes(), o.bodyStart(), o.bodyLength()));
    }

    private static Entry decode(JsonNode root, SortedMap<String, byte[]> files) {
        String env = root.path("environment").asText();
        List<EmittedObject> objects = new ArrayList<>();
        for (JsonNode n : root.path("objects")) {
            ObjectNode o = Json.MAPPER.createObjectNode();
            o.put("apiVersion", n.path("apiVersion").asText());
            o.put("kind", n.path("kind").asText());
            ObjectNode meta = o.putObject("metadata");
            meta.put("name", n.path("name").asText());
            if (!n.path("namespace").asText().isEmpty()) {
                meta.put("namespace", n.path("namespace").asText());
            }
            objects.add(new EmittedObject(env, n.path("root").asText(), o,
                    Origin.of(SourceMap.at(SourceLocation.start(n.path("origin").asText())), "")));
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        for (JsonNode d : root.path("diagnostics")) {
            diagnostics.add(new Diagnostic(d.path("rule").asText(), Category.valueOf(d.path("category").asText()),
                    Severity.valueOf(d.path("severity").asText()),
                    new SourceLocation(d.path("file").asText(), d.path("line").asInt(), d.path("column").asInt()),
                    d.path("pointer").asText(), d.path("message").asText(), d.path("remediation").asText()));
        }
        List<PolicyException> used = new ArrayList<>();
        for (JsonNode e : root.path("usedExceptions")) {
            used.add(new PolicyException(e.path("rule").asText(), e.path("target").asText(), e.path("reason").asText(),
                    LocalDate.parse(e.path("expires").asText()),
                    new SourceLocation(e.path("file").asText(), e.path("line").asInt(), e.path("column").asInt())));
        }
        return new Entry(new EnvironmentResult(env, null, List.of(), objects, files, used), diagnostics);
    }

    /** Packs of each environment's generated units, for checking a few of its files (see {@link ContextPacks}). */
    public ContextPacks contexts() {
        return new ContextPacks(dir.resolve(ContextPacks.FOLDER));
    }

    /**
     * The identity of the running flinkops code, so a new build never reads old results: for a jar its
     * path, size and modification time (as ccache judges a compiler; hashing the 20 MB jar would cost
     * more than a one-environment check, and this way a one-file check needs no digest at all), for a
     * classes folder a hash of every class.
     */
    static String code() {
        String fp = codeFingerprint;
        if (fp != null) {
            return fp;
        }
        try {
            Path location = Path.of(ResultCache.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isRegularFile(location)) {
                fp = "jar:" + location.toAbsolutePath() + ":" + Files.size(location) + ":" + Files.getLastModifiedTime(location).toMillis();
            } else {
                MessageDigest sha = Hashes.sha256();
                try (Stream<Path> walk = Files.walk(location)) {
                    for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                        Hashes.update(sha, location.relativize(p).toString());
                        sha.update(Files.readAllBytes(p));
                    }
                }
                fp = "classes:" + Hashes.hex(sha);
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            fp = "unknown-code-" + System.nanoTime(); // never matches a stored entry
        }
        codeFingerprint = fp;
        return fp;
    }
}
