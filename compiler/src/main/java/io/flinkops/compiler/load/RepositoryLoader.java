package io.flinkops.compiler.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.FlinkSpec;
import io.flinkops.compiler.model.RawResource;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.schema.SpecSchemas;
import io.flinkops.compiler.schema.Violation;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.Pointers;
import io.flinkops.compiler.yaml.WrittenScalars;
import io.flinkops.compiler.yaml.YamlReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The load stage: finds {@code environments/<env>/environment.yaml} and the specs beside it, parses
 * them with positions, checks flinkops.io kinds against their published schema and binds them.
 * Problems become diagnostics; nothing is thrown for a bad file.
 */
public final class RepositoryLoader {
    public static final String ENVIRONMENTS = "environments";

    private final YamlReader yaml;
    private final SpecSchemas schemas;

    public RepositoryLoader(YamlReader yaml, SpecSchemas schemas) {
        this.yaml = yaml;
        this.schemas = schemas;
    }

    /** The YAML files of every environment folder, by environment name, in path order. */
    public static Map<String, List<String>> environmentFiles(SourceTree tree) {
        return listing(tree, null).files();
    }

    /**
     * The same for one environment, listing only its folder (a run of one environment in a large
     * repository need not walk the others); a name that is no plain folder name lists them all, and
     * then names no environment.
     */
    public static Map<String, List<String>> environmentFiles(SourceTree tree, String environment) {
        return listing(tree, environment).files();
    }

    /**
     * The YAML files of each environment folder, and the files passed over that look like specs: named
     * like YAML but not read by the case of their extension, JSON that names an apiVersion and a kind,
     * or YAML directly in environments/ (in no environment's folder); and the symbolic links to folders
     * in them, which the listing does not follow. {@code environment}: one environment only, or null for all.
     */
    public record Listing(Map<String, List<String>> files, List<String> passedOver, List<String> folderLinks) {
        /**
         * A warning for each file and linked folder passed over, of the environments in {@code names} (and
         * outside any: an environment folder that is a link is no environment's).
         */
        public List<Diagnostic> warnings(Set<String> names) {
            List<Diagnostic> out = new ArrayList<>();
            for (String path : passedOver) {
                String[] parts = path.split("/");
                if (parts.length < 3) {
                    out.add(Problems.notRead(path, "a file directly in " + ENVIRONMENTS + "/ belongs to no environment; "
                            + "specs go in " + ENVIRONMENTS + "/<env>/ beside its environment.yaml"));
                } else if (names.contains(parts[1])) {
                    out.add(Problems.extensionNotRead(path));
                }
            }
            for (String link : folderLinks) {
                String[] parts = link.split("/");
                if (parts.length < 3 || names.contains(parts[1])) {
                    out.add(Problems.folderLinkNotRead(link));
                }
            }
            return out;
        }
    }

    public static Listing listing(SourceTree tree, String environment) {
        boolean one = environment != null;
        boolean plain = one && isPlainName(environment);
        Map<String, List<String>> byEnv = new TreeMap<>();
        List<String> passedOver = new ArrayList<>();
        String listed = plain ? ENVIRONMENTS + "/" + environment : ENVIRONMENTS;
        for (String path : tree.list(listed)) {
            String[] parts = path.split("/");
            if (parts.length < 3) {
                if (!one && SourceTree.isYaml(path)) {
                    passedOver.add(path);
                }
            } else if (SourceTree.isYaml(path)) {
                byEnv.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(path);
            } else if (SourceTree.looksLikeYamlUnread(path) || SourceTree.isJsonResource(tree, path)) {
                passedOver.add(path);
            }
        }
        if (one) {
            byEnv.keySet().retainAll(Set.of(environment));
        }
        return new Listing(byEnv, passedOver, tree.folderLinks(listed));
    }

    private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]*");

    /** A name that is a folder name as such: no separator, no leading dot (what a cache file may be named after). */
    public static boolean isPlainName(String environment) {
        return PLAIN_NAME.matcher(environment).matches();
    }

    /** Loads the given environments, from their files as {@link #environmentFiles} listed them. */
    public List<EnvironmentSources> load(SourceTree tree, Map<String, List<String>> byEnv, Diagnostics diagnostics) {
        // Parse every file in parallel; the result keeps path order.
        Map<String, List<LocatedDocument>> parsed = new ConcurrentHashMap<>();
        byEnv.values().stream().flatMap(List::stream).toList().parallelStream()
                .forEach(path -> parseInto(tree, path, parsed, diagnostics));
        // Environments bind (and check their specs) independently; the list keeps name order.
        return byEnv.entrySet().parallelStream()
                .map(e -> loadEnvironment(e.getKey(), e.getValue(), parsed, Map.of(), new HashSet<>(), diagnostics))
                .flatMap(Optional::stream)
                .toList();
    }

    /**
     * Loads part of one environment: its environment file and the files that {@code known} does not
     * hold, which are parsed; the documents of every {@code known} file are taken as already loaded,
     * with the emission keys it gives, so that duplicates are judged across the whole folder in path
     * order, as {@link #load} judges them. The result's specs and raw resources are the parsed files'
     * only; a known document that a parsed one now precedes under the same key is named in
     * {@code droppedKnown} ({@code path#index}).
     */
    public Optional<EnvironmentSources> loadPart(SourceTree tree, String envName, List<String> paths,
            Map<String, List<String>> known, Set<String> droppedKnown, Diagnostics diagnostics) {
        Map<String, List<LocatedDocument>> parsed = new ConcurrentHashMap<>();
        paths.stream().filter(p -> !known.containsKey(p)).toList().parallelStream()
                .forEach(path -> parseInto(tree, path, parsed, diagnostics));
        return loadEnvironment(envName, paths, parsed, known, droppedKnown, diagnostics);
    }

    /**
     * The key under which a document is emitted, unique in an environment: a FlinkJob, a session
     * cluster and a raw FlinkDeployment of the same namespace and name would all be one FlinkDeployment.
     */
    public static String emissionKey(SpecKind kind, String namespace, String name) {
        String group = kind.isRaw() ? kind.kind() : kind == SpecKind.FLINK_SESSION_JOB ? "FlinkSessionJob" : "FlinkDeployment";
        return group + "/" + namespace + "/" + name;
    }

    private void parseInto(SourceTree tree, String path, Map<String, List<LocatedDocument>> parsed, Diagnostics diagnostics) {
        try {
            byte[] bytes = tree.read(path).orElseThrow(() -> new InputException(SourceLocation.start(path), "file vanished while reading"));
            parsed.put(path, yaml.read(path, bytes));
        } catch (InputException e) {
            diagnostics.add(Problems.unreadable(e));
            parsed.put(path, List.of());
        }
    }

    /** The environment's own file among its folder's files (as {@link #environmentFiles} lists them). */
    public static Optional<String> environmentFile(String envName, List<String> paths) {
        String folder = ENVIRONMENTS + "/" + envName;
        return paths.contains(folder + "/environment.yaml") ? Optional.of(folder + "/environment.yaml")
                : paths.contains(folder + "/environment.yml") ? Optional.of(folder + "/environment.yml") : Optional.empty();
    }

    private Optional<EnvironmentSources> loadEnvironment(String envName, List<String> paths,
            Map<String, List<LocatedDocument>> parsed, Map<String, List<String>> known, Set<String> droppedKnown,
            Diagnostics diagnostics) {
        String folder = ENVIRONMENTS + "/" + envName;
        String envPath = environmentFile(envName, paths).orElse(null);
        if (envPath == null) {
            diagnostics.add(Problems.of(Problems.LAYOUT, SourceLocation.start(paths.get(0)), "",
                    "folder " + folder + " has specs but no environment.yaml",
                    "Add " + folder + "/environment.yaml (kind: Environment) or move the specs into an environment folder."));
            return Optional.empty();
        }
        List<LocatedDocument> envDocs = parsed.getOrDefault(envPath, List.of());
        if (envDocs.isEmpty()) {
            if (!diagnostics.anyIn(envPath)) {
                diagnostics.add(Problems.of(Problems.LAYOUT, SourceLocation.start(envPath), "",
                        "environment.yaml is empty", "Describe the environment with kind: Environment."));
            }
            return Optional.empty();
        }
        LocatedDocument envDoc = envDocs.get(0);
        expectSingle(envPath, envDocs, diagnostics);
        Optional<SpecKind> envKind = classify(envDoc, diagnostics);
        if (envKind.isEmpty()) {
            return Optional.empty();
        }
        if (envKind.get() != SpecKind.ENVIRONMENT) {
            diagnostics.add(Problems.of(Problems.LAYOUT, envDoc.sourceMap().best("/kind"), "/kind",
                    "environment.yaml must hold kind: Environment, not " + envKind.get().kind(),
                    "Put the Environment in environment.yaml and the " + envKind.get().kind() + " in a file of its own."));
            return Optional.empty();
        }
        if (!checkSpecSchema(SpecKind.ENVIRONMENT, envDoc, diagnostics)) {
            return Optional.empty();
        }
        Environment env = SpecBinder.environment(envDoc, folder);
        if (!env.name().equals(envName)) {
            diagnostics.add(Problems.of(Problems.LAYOUT, envDoc.sourceMap().best("/metadata/name"), "/metadata/name",
                    "environment is named '" + env.name() + "' but lives in folder '" + envName + "'",
                    envName.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                            ? "Name the environment after its folder: metadata.name: " + envName + "."
                            : "Rename the folder to environments/" + env.name() + "/: folder and name must be the same "
                                    + "lower-case DNS label, as output paths and Argo CD names are made of it."));
        }

        List<FlinkSpec> specs = new ArrayList<>();
        List<RawResource> raws = new ArrayList<>();
        Map<String, List<String>> keys = new TreeMap<>();
        Map<String, String> seen = new HashMap<>(); // emission key -> the file that emits it
        // Classifying, checking and binding each file is independent work: done in parallel, in path
        // order; duplicates are then judged in that order, one file after the other.
        List<String> files = paths.stream().filter(p -> !p.equals(envPath)).toList();
        Map<String, List<Classified>> perFile = new ConcurrentHashMap<>();
        files.stream().filter(p -> !known.containsKey(p)).toList().parallelStream()
                .forEach(path -> perFile.put(path, classifyFile(folder, path, parsed.getOrDefault(path, List.of()), diagnostics)));
        for (String path : files) {
            List<String> knownKeys = known.get(path);
            if (knownKeys != null) {
                for (int i = 0; i < knownKeys.size(); i++) {
                    if (seen.putIfAbsent(knownKeys.get(i), path) != null) {
                        droppedKnown.add(path + "#" + i);
                    }
                }
                continue;
            }
            List<String> fileKeys = new ArrayList<>();
            for (Classified c : perFile.get(path)) {
                LocatedDocument doc = c.doc();
                if (c.spec() == null) {
                    String name = text(doc.root().path("metadata").path("name"));
                    String ns = text(doc.root().path("metadata").path("namespace"));
                    String key = emissionKey(c.kind(), ns, name);
                    fileKeys.add(key);
                    if (!duplicate(seen, key, doc, diagnostics)) {
                        raws.add(new RawResource(c.kind(), name, ns, doc));
                    }
                    continue;
                }
                String key = emissionKey(c.kind(), c.spec().namespace(), c.spec().name());
                fileKeys.add(key);
                if (!duplicate(seen, key, doc, diagnostics)) {
                    specs.add(c.spec());
                }
            }
            keys.put(path, List.copyOf(fileKeys));
        }
        return Optional.of(new EnvironmentSources(env, List.copyOf(specs), List.copyOf(raws), keys));
    }

    /** A document of a spec file that can be emitted: a raw resource ({@code spec} null) or a bound flinkops spec. */
    private record Classified(LocatedDocument doc, SpecKind kind, FlinkSpec spec) {}

    private List<Classified> classifyFile(String folder, String path, List<LocatedDocument> docs, Diagnostics diagnostics) {
        expectSingle(path, docs, diagnostics);
        if (docs.isEmpty() && !diagnostics.anyIn(path)) {
            // most often a job someone meant to delete, or a spec lost in a merge
            diagnostics.add(Problems.of(Problems.LAYOUT, SourceLocation.start(path), "",
                    "file holds no resource (it is empty, or only comments or null documents)",
                    "Write the spec, or delete the file to remove what it defined."));
        }
        List<Classified> out = new ArrayList<>();
        for (LocatedDocument doc : docs) {
            Optional<SpecKind> kind = classify(doc, diagnostics);
            if (kind.isEmpty()) {
                continue;
            }
            if (kind.get() == SpecKind.ENVIRONMENT) {
                diagnostics.add(Problems.of(Problems.LAYOUT, doc.sourceMap().best("/kind"), "/kind",
                        "a second Environment in " + folder, "Keep one Environment per folder, in environment.yaml."));
                continue;
            }
            if (kind.get().isRaw()) {
                out.add(new Classified(doc, kind.get(), null));
            } else if (checkSpecSchema(kind.get(), doc, diagnostics)) {
                out.add(new Classified(doc, kind.get(), SpecBinder.flinkSpec(kind.get(), doc)));
            }
        }
        return out;
    }

    private static boolean duplicate(Map<String, String> seen, String key, LocatedDocument doc, Diagnostics diagnostics) {
        String first = seen.putIfAbsent(key, doc.file());
        if (first == null) {
            return false;
        }
        diagnostics.add(Problems.of(Problems.LAYOUT, doc.sourceMap().best("/metadata/name"), "/metadata/name",
                "two resources would be emitted as " + key + " (the first is in " + first + ")",
                "Give each job a unique name within its namespace."));
        return true;
    }

    private static String text(JsonNode n) {
        return n.isTextual() ? n.textValue() : null;
    }

    private static void expectSingle(String path, List<LocatedDocument> docs, Diagnostics diagnostics) {
        if (docs.size() > 1) {
            diagnostics.add(Problems.of(Problems.LAYOUT, docs.get(1).start(), "",
                    "file holds " + docs.size() + " YAML documents; flinkops expects one resource per file",
                    "Split the file so that each resource has a file of its own."));
        }
    }

    /** A document's type as YAML calls it (JSON's "array" is a YAML sequence, a list to most people). */
    private static String yamlType(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "a list";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** How a Git LFS pointer file starts (read as YAML, its three lines fold into one string). */
    private static final String LFS_POINTER = "version https://git-lfs.github.com/spec/";

    /** The kind of a document, or a finding on its apiVersion/kind line. */
    public static Optional<SpecKind> classify(LocatedDocument doc, Diagnostics diagnostics) {
        JsonNode root = doc.root();
        if (root.isTextual() && root.textValue().startsWith(LFS_POINTER)) {
            diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.start(), "",
                    "file is a Git LFS pointer, not the spec: flinkops reads what Git holds (a checkout without LFS, or a revision, has only the pointer)",
                    "Keep YAML specs out of Git LFS (remove their pattern from .gitattributes and commit them as plain files)."));
            return Optional.empty();
        }
        if (!root.isObject()) {
            diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.start(), "",
                    "document is " + yamlType(root) + ", expected a mapping with apiVersion and kind",
                    "Start the document with apiVersion and kind."));
            return Optional.empty();
        }
        JsonNode api = root.get("apiVersion");
        JsonNode kind = root.get("kind");
        if (api == null || !api.isTextual() || kind == null || !kind.isTextual()) {
            String missing = api == null || !api.isTextual() ? "apiVersion" : "kind";
            diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.sourceMap().best("/" + missing), "/" + missing,
                    "document has no " + missing + " string", "Set apiVersion and kind, for example apiVersion: flinkops.io/v1alpha1 and kind: FlinkJob."));
            return Optional.empty();
        }
        Optional<SpecKind> k = SpecKind.of(api.textValue(), kind.textValue());
        if (k.isEmpty() && kind.textValue().endsWith("List") && root.has("items")) {
            diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.sourceMap().best("/kind"), "/kind",
                    "a " + kind.textValue() + " of resources; flinkops reads one resource per file here",
                    "Write each item as a file of its own."));
        } else if (k.isEmpty()) {
            String hint = SpecKind.FLINK_API.equals(api.textValue()) || SpecKind.FLINKOPS_API.equals(api.textValue())
                    ? "kind '" + kind.textValue() + "' is not a kind of " + api.textValue()
                    : unknown(api.textValue(), kind.textValue()) + servedAs(api.textValue(), kind.textValue());
            diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.sourceMap().best("/kind"), "/kind", hint,
                    "Use FlinkJob, FlinkSessionCluster or FlinkSessionJob (flinkops.io/v1alpha1), or FlinkDeployment or FlinkSessionJob (flink.apache.org/v1beta1)."));
        }
        return k;
    }

    /** The kinds the core API group serves (apiVersion v1): no CustomResourceDefinition can add one. */
    private static final Set<String> CORE_KINDS = Set.of("Binding", "ComponentStatus", "ConfigMap", "Endpoints", "Event",
            "LimitRange", "Namespace", "Node", "PersistentVolume", "PersistentVolumeClaim", "Pod", "PodTemplate",
            "ReplicationController", "ResourceQuota", "Secret", "Service", "ServiceAccount");

    /** Built-in kinds of other groups, written with apiVersion v1 by mistake. */
    private static final Map<String, String> SERVED_ELSEWHERE = Map.ofEntries(Map.entry("Deployment", "apps/v1"),
            Map.entry("StatefulSet", "apps/v1"), Map.entry("DaemonSet", "apps/v1"), Map.entry("ReplicaSet", "apps/v1"),
            Map.entry("Job", "batch/v1"), Map.entry("CronJob", "batch/v1"), Map.entry("Ingress", "networking.k8s.io/v1"),
            Map.entry("NetworkPolicy", "networking.k8s.io/v1"), Map.entry("PodDisruptionBudget", "policy/v1"),
            Map.entry("HorizontalPodAutoscaler", "autoscaling/v2"), Map.entry("Role", "rbac.authorization.k8s.io/v1"),
            Map.entry("RoleBinding", "rbac.authorization.k8s.io/v1"), Map.entry("ClusterRole", "rbac.authorization.k8s.io/v1"),
            Map.entry("ClusterRoleBinding", "rbac.authorization.k8s.io/v1"));

    /**
     * Why no cluster serves a document's apiVersion and kind, when that is certain without the cluster: the core
     * group serves only v1 and only its own kinds, and the operator's kinds live in flink.apache.org alone.
     */
    public static Optional<String> unserved(JsonNode root) {
        String api = root.path("apiVersion").asText();
        String kind = root.path("kind").asText();
        Optional<SpecKind> flink = Arrays.stream(SpecKind.values()).filter(k -> k.isRaw() && k.kind().equals(kind)).findFirst();
        if (flink.isPresent() && !api.startsWith("flink.apache.org/")) {
            return Optional.of(unknown(api, kind) + " (" + kind + " is " + flink.get().apiVersion() + ")");
        }
        if (!api.contains("/") && !api.equals("v1")) {
            return Optional.of("unknown apiVersion '" + api + "': the core API group serves only v1");
        }
        if (api.equals("v1") && !CORE_KINDS.contains(kind) && !(kind.endsWith("List") && root.has("items"))) {
            String served = SERVED_ELSEWHERE.get(kind);
            return Optional.of(unknown(api, kind) + ": the core API group (v1) serves no such kind"
                    + (served == null ? "" : " (" + kind + " is " + served + ")"));
        }
        return Optional.empty();
    }

    private static String unknown(String apiVersion, String kind) {
        return "unknown apiVersion/kind " + apiVersion + "/" + kind;
    }

    /** For a known kind written with another version of its group (flink.apache.org/v1beta2), the version that serves it. */
    private static String servedAs(String apiVersion, String kind) {
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : apiVersion;
        for (SpecKind k : SpecKind.values()) {
            if (k.kind().equals(kind) && k.apiVersion().startsWith(group + "/")) {
                return " (" + kind + " is " + k.apiVersion() + ")";
            }
        }
        return "";
    }

    /** Checks a flinkops.io document against its published schema; true when it can be bound. */
    public boolean checkSpecSchema(SpecKind kind, LocatedDocument doc, Diagnostics diagnostics) {
        List<Violation> violations = schemas.compiled(kind).validate(doc.root());
        for (Violation v : violations) {
            diagnostics.add(Problems.of(Problems.SPEC_INVALID, doc.sourceMap().best(v.pointer()), v.pointer(),
                    kind.kind() + " " + v.message(), fixFor(kind, v)));
        }
        configurationReadAsWritten(kind, doc, diagnostics); // an error, but the spec still binds
        return violations.isEmpty();
    }

    /**
     * A FlinkJob's, FlinkSessionCluster's or FlinkSessionJob's spec.flinkConfiguration (and an
     * Environment's spec.operator.defaultConfiguration) reaches Flink as
     * text, and flinkops writes a number or boolean there as the text it reads as. Unquoted, YAML reads
     * {@code 1.10} as the number 1.1, {@code 010} as 8 and {@code yes} as true, so such a value would
     * reach Flink other than written: an error that says both, rather than a silent change.
     */
    private static void configurationReadAsWritten(SpecKind kind, LocatedDocument doc, Diagnostics diagnostics) {
        String pointer = kind == SpecKind.ENVIRONMENT ? "/spec/operator/defaultConfiguration" : "/spec/flinkConfiguration";
        for (var entry : doc.root().at(pointer).properties()) {
            JsonNode value = entry.getValue();
            if (WrittenScalars.readOtherwise(value)) {
                String at = Pointers.child(pointer, entry.getKey());
                String written = WrittenScalars.text(value);
                String text = Fields.scalarText(value);
                diagnostics.add(Problems.of(Problems.SPEC_INVALID, doc.sourceMap().value(at), at,
                        kind.kind() + " " + Pointers.dotted(at, doc.root()) + ": " + written + " reads as the "
                                + (value.isBoolean() ? "boolean " : "number ") + value.asText() + " and would reach Flink as \"" + text + "\"",
                        "Quote it to keep it as written (\"" + written + "\"), or write " + text + "."));
            }
        }
    }

    private static String fixFor(SpecKind kind, Violation v) {
        String field = v.field();
        return switch (v.keyword()) {
            case "additionalProperties" -> "Remove or rename '" + field + "'; `flinkops schema " + kind.kind() + "` lists the fields.";
            case "required" -> "Add the missing field.";
            case "type" -> "Give '" + field + "' a value of the type the schema expects.";
            case "enum", "const" -> "Use one of the allowed values for '" + field + "'.";
            case "pattern", "maxLength" -> "Change '" + field + "' to match the documented format.";
            default -> "Correct '" + field + "' as the message says.";
        };
    }
}
