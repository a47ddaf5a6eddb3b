package io.flinkops.compiler.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.RuleCatalog;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.check.RuleSettings;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.load.RepositoryLoader;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.schema.CompiledSchema;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.Pointers;
import io.flinkops.compiler.yaml.SourceMap;
import io.flinkops.compiler.yaml.YamlReader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the policy sets in {@code policies/} (from the working tree or a base revision) and resolves
 * the sets an environment lists, later sets overriding earlier ones.
 */
public final class PolicyLoader {
    public static final String POLICIES = "policies";
    public static final String CONFIG_INVALID = "policy-config-invalid";
    public static final String EXCEPTION_INVALID = "policy-exception-invalid";
    public static final String EXCEPTION_EXPIRED = "policy-exception-expired";
    public static final String EXCEPTION_UNUSED = "policy-exception-unused";

    private final YamlReader yaml;
    private final RepositoryLoader loader;
    private final RuleCatalog catalog;
    private final LocalDate today;
    private final Map<String, LocatedDocument> sets = new TreeMap<>();
    private final Map<String, Definition> definitions = new TreeMap<>();
    /** Sets that are there but could not be used (their file unreadable, or not a valid PolicySet), already reported. */
    private final Set<String> broken = new TreeSet<>();

    /** A rule's settings as one policy set writes them; null fields leave the earlier value. */
    private record Override(RuleInfo info, Boolean enabled, Severity severity, Map<String, String> parameters, SourceLocation at) {}

    /** One policy set, checked and compiled once, however many environments use it. */
    private record Definition(List<CustomSchemaRule> customRules, List<Override> rules, List<PolicyException> exceptions) {}

    public PolicyLoader(YamlReader yaml, RepositoryLoader loader, RuleCatalog catalog, LocalDate today) {
        this.yaml = yaml;
        this.loader = loader;
        this.catalog = catalog;
        this.today = today;
    }

    /** Reads every policy set of the tree; problems become diagnostics. */
    public PolicyLoader read(SourceTree tree, Diagnostics diagnostics) {
        List<String> paths = tree.list(POLICIES);
        tree.folderLinks(POLICIES).forEach(link -> diagnostics.add(Problems.folderLinkNotRead(link)));
        for (String path : paths) {
            if (SourceTree.looksLikeYamlUnread(path) || SourceTree.isJsonResource(tree, path)) {
                diagnostics.add(Problems.extensionNotRead(path));
                continue;
            }
            if (!SourceTree.isYaml(path)) {
                continue;
            }
            List<LocatedDocument> docs;
            try {
                docs = yaml.read(path, tree.read(path).orElseThrow());
            } catch (InputException e) {
                diagnostics.add(Problems.unreadable(e));
                broken.add(baseName(path)); // sets are named after their files, as the fix hints say
                continue;
            }
            if (docs.isEmpty()) {
                // harmless unless an environment names the set it was to hold, but most likely a mistake
                diagnostics.add(Problems.notRead(path, "the file holds no PolicySet (it is empty, or only comments or null documents)",
                        "Write the PolicySet the file is for, or delete the file."));
                continue;
            }
            for (LocatedDocument doc : docs) {
                Optional<SpecKind> kind = RepositoryLoader.classify(doc, diagnostics);
                if (kind.isEmpty()) {
                    broken.add(baseName(path));
                    continue;
                }
                if (kind.get() != SpecKind.POLICY_SET) {
                    diagnostics.add(Problems.of(Problems.LAYOUT, doc.sourceMap().best("/kind"), "/kind",
                            path + " holds a " + kind.get().kind() + "; policies/ holds only PolicySet documents",
                            "Move the document to environments/."));
                    continue;
                }
                if (!loader.checkSpecSchema(SpecKind.POLICY_SET, doc, diagnostics)) {
                    JsonNode name = doc.root().path("metadata").path("name");
                    broken.add(name.isTextual() ? name.textValue() : baseName(path));
                    continue;
                }
                String name = doc.root().path("metadata").path("name").asText();
                LocatedDocument earlier = sets.putIfAbsent(name, doc);
                if (earlier != null) {
                    diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, doc.sourceMap().best("/metadata/name"),
                            "policy set '" + name + "' is defined twice (first in " + earlier.file() + ")", "Give each policy set a unique name."));
                }
            }
        }
        Map<String, List<CustomSchemaRule>> customBySet = new TreeMap<>();
        Map<String, RuleInfo> allCustom = new HashMap<>();
        sets.forEach((name, doc) -> {
            List<CustomSchemaRule> custom = customRules(doc, diagnostics);
            customBySet.put(name, custom);
            custom.forEach(c -> allCustom.put(c.info().id(), c.info()));
        });
        sets.forEach((name, doc) -> definitions.put(name, new Definition(customBySet.get(name),
                overrides(doc, allCustom, diagnostics), exceptions(doc, allCustom, diagnostics))));
        return this;
    }

    private static String baseName(String path) {
        String file = path.substring(path.lastIndexOf('/') + 1);
        return file.substring(0, file.lastIndexOf('.'));
    }

    /**
     * The merged policy of an environment: its sets in order, later ones overriding earlier ones.
     * Problems inside a set were reported once, when it was read; here only the environment's own.
     */
    public ResolvedPolicy resolve(Environment env, Diagnostics diagnostics) {
        Map<String, RuleSettings> settings = new HashMap<>();
        List<PolicyException> exceptions = new ArrayList<>();
        Map<String, RuleCheck> custom = new LinkedHashMap<>();
        List<String> names = env.policies();
        JsonNode listed = env.document().root().path("spec").path("policies");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            Definition definition = definitions.get(name);
            if (definition == null && broken.contains(name)) {
                continue; // its own file's findings say why; "not in policies/" would be one more, and wrong
            }
            if (definition == null) {
                SourceLocation at = listed.isArray() ? env.document().sourceMap().best("/spec/policies/" + i)
                        : env.document().start();
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, at,
                        "environment " + env.name() + " uses policy set '" + name + "', which is not in " + POLICIES + "/"
                                + (sets.isEmpty() ? "" : " (known: " + String.join(", ", sets.keySet()) + ")"),
                        "Add " + POLICIES + "/" + name + ".yaml or fix the name."));
                continue;
            }
            definition.customRules().forEach(c -> custom.put(c.info().id(), c));
            for (Override o : definition.rules()) {
                if (catalog.find(o.info().id()).isEmpty() && !custom.containsKey(o.info().id())) {
                    diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, o.at(), "rule '" + o.info().id()
                            + "' is a custom rule of a policy set environment " + env.name() + " does not use",
                            "List the policy set that defines it in spec.policies, or move the setting there."));
                    continue;
                }
                RuleSettings previous = settings.getOrDefault(o.info().id(), RuleSettings.defaults(o.info()));
                Map<String, String> params = new TreeMap<>(previous.parameters());
                params.putAll(o.parameters());
                settings.put(o.info().id(), new RuleSettings(
                        o.enabled() != null ? o.enabled() : previous.enabled(),
                        o.severity() != null ? o.severity() : previous.severity(),
                        Map.copyOf(params)));
            }
            exceptions.addAll(definition.exceptions());
        }
        return new ResolvedPolicy(env.name(), settings, exceptions, new ArrayList<>(custom.values()));
    }

    private List<CustomSchemaRule> customRules(LocatedDocument doc, Diagnostics diagnostics) {
        SourceMap map = doc.sourceMap();
        JsonNode customRules = doc.root().path("spec").path("customRules");
        List<CustomSchemaRule> out = new ArrayList<>();
        for (int i = 0; i < customRules.size(); i++) {
            JsonNode c = customRules.get(i);
            String at = "/spec/customRules/" + i;
            String id = c.path("id").asText();
            if (catalog.find(id).isPresent()) {
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(at + "/id"),
                        "custom rule id '" + id + "' is already a built-in rule", "Choose another id for the custom rule."));
                continue;
            }
            RuleInfo info = new RuleInfo(id, Category.POLICY, Severity.parse(c.path("severity").asText("error")),
                    c.path("summary").asText(), c.path("rationale").asText(c.path("summary").asText()),
                    c.path("remediation").asText(), Map.of(), List.of());
            CompiledSchema schema;
            try {
                schema = CompiledSchema.compileNow(c.get("schema"));
            } catch (RuntimeException e) {
                String where = e instanceof CompiledSchema.InvalidSchema invalid ? at + "/schema" + invalid.pointer() : at + "/schema";
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(where),
                        "custom rule '" + id + "' has an invalid JSON Schema: " + e.getMessage(), "Fix the schema."));
                continue;
            }
            JsonNode match = c.path("match");
            out.add(new CustomSchemaRule(info, strings(match.path("kinds")), strings(match.path("namespaces")),
                    stringMap(match.path("labels")), schema, c.path("message").asText()));
        }
        return out;
    }

    private Optional<RuleInfo> rule(String id, Map<String, RuleInfo> custom) {
        return catalog.find(id).or(() -> Optional.ofNullable(custom.get(id)));
    }

    /** A rule over emitted objects (built in or custom), which policy sets tune; not a finding of a stage. */
    private boolean configurable(RuleInfo info, Map<String, RuleInfo> custom) {
        return catalog.configurable(info.id()) || custom.containsKey(info.id());
    }

    private static String notConfigurable(RuleInfo info) {
        return "'" + info.id() + "' is found while " + (info.category() == Category.PARSE ? "the repository is read" : "policy sets are read")
                + ", before any policy set applies: a policy set can neither turn it off, change its severity nor except it";
    }

    private List<Override> overrides(LocatedDocument doc, Map<String, RuleInfo> custom, Diagnostics diagnostics) {
        SourceMap map = doc.sourceMap();
        List<Override> out = new ArrayList<>();
        doc.root().path("spec").path("rules").properties().forEach(e -> {
            String id = e.getKey();
            String at = Pointers.child("/spec/rules", id);
            Optional<RuleInfo> info = rule(id, custom);
            if (info.isEmpty()) {
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(at), "unknown rule '" + id + "'",
                        "Use an id from `flinkops rules`."));
                return;
            }
            if (!configurable(info.get(), custom)) {
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(at), notConfigurable(info.get()),
                        "Remove the entry; `flinkops explain " + info.get().id() + "` says how to fix what it finds."));
                return;
            }
            JsonNode cfg = e.getValue();
            Map<String, String> params = new TreeMap<>();
            cfg.path("parameters").properties().forEach(p -> {
                if (!info.get().parameters().containsKey(p.getKey())) {
                    diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(Pointers.child(at + "/parameters", p.getKey())),
                            "rule " + info.get().id() + " has no parameter '" + p.getKey() + "'"
                                    + (info.get().parameters().isEmpty() ? "" : " (it has " + String.join(", ", info.get().parameters().keySet()) + ")"),
                            "Use a parameter the rule declares (`flinkops explain " + info.get().id() + "`)."));
                } else {
                    Optional<String> wrong = p.getValue().isValueNode() && !p.getValue().isNull()
                            ? catalog.check(info.get().id()).flatMap(rule -> rule.invalidParameter(p.getKey(), p.getValue().asText()))
                            : Optional.of("the value must be a single value, not " + p.getValue().getNodeType().name().toLowerCase(Locale.ROOT));
                    if (wrong.isPresent()) {
                        // reported once here; the rule runs with its default instead of failing on every object
                        diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(Pointers.child(at + "/parameters", p.getKey())),
                                "rule " + info.get().id() + " parameter '" + p.getKey() + "': " + wrong.get(),
                                "Give a value of the form the parameter's default has (`flinkops explain " + info.get().id() + "`)."));
                    } else {
                        params.put(p.getKey(), p.getValue().asText());
                    }
                }
            });
            out.add(new Override(info.get(), cfg.has("enabled") ? cfg.get("enabled").asBoolean() : null,
                    cfg.has("severity") ? Severity.parse(cfg.get("severity").asText()) : null, params, map.best(at)));
        });
        return out;
    }

    private List<PolicyException> exceptions(LocatedDocument doc, Map<String, RuleInfo> custom, Diagnostics diagnostics) {
        SourceMap map = doc.sourceMap();
        JsonNode list = doc.root().path("spec").path("exceptions");
        List<PolicyException> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode x = list.get(i);
            String at = "/spec/exceptions/" + i;
            String rule = x.path("rule").asText();
            SourceLocation loc = map.best(at);
            Optional<RuleInfo> excepted = rule(rule, custom);
            if (excepted.isEmpty()) {
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(at + "/rule"), "exception names unknown rule '" + rule + "'",
                        "Use an id from `flinkops rules`."));
                continue;
            }
            if (!configurable(excepted.get(), custom)) {
                diagnostics.add(policy(CONFIG_INVALID, Severity.ERROR, map.best(at + "/rule"), notConfigurable(excepted.get()),
                        "Remove the exception; `flinkops explain " + excepted.get().id() + "` says how to fix what it finds."));
                continue;
            }
            String reason = x.path("reason").asText("").trim();
            if (reason.isEmpty()) {
                diagnostics.add(policy(EXCEPTION_INVALID, Severity.ERROR, loc, "exception for " + rule + " has no reason", "Add reason: explaining why the rule does not apply."));
                continue;
            }
            if (!x.hasNonNull("expires")) {
                diagnostics.add(policy(EXCEPTION_INVALID, Severity.ERROR, loc, "exception for " + rule + " has no expiry date", "Add expires: YYYY-MM-DD."));
                continue;
            }
            LocalDate expires;
            try {
                expires = LocalDate.parse(x.get("expires").asText().trim());
            } catch (DateTimeParseException e) {
                diagnostics.add(policy(EXCEPTION_INVALID, Severity.ERROR, map.best(at + "/expires"),
                        "exception expiry '" + x.get("expires").asText() + "' is not a date (YYYY-MM-DD)", "Write the date as YYYY-MM-DD."));
                continue;
            }
            PolicyException exception = new PolicyException(rule, x.path("target").asText(), reason, expires, loc);
            if (expires.isBefore(today)) {
                diagnostics.add(policy(EXCEPTION_EXPIRED, Severity.ERROR, map.best(at + "/expires"),
                        "exception " + exception.describe() + " expired on " + expires, "Fix the finding and remove the exception, or renew it in review."));
                continue;
            }
            out.add(exception);
        }
        return out;
    }

    /** Warnings for the exceptions of every policy set that no finding of any environment used. */
    public List<Diagnostic> unused(java.util.Set<PolicyException> used) {
        List<Diagnostic> out = new ArrayList<>();
        for (Definition d : definitions.values()) {
            for (PolicyException e : d.exceptions()) {
                if (used.contains(e)) {
                    continue;
                }
                out.add(policy(EXCEPTION_UNUSED, Severity.WARNING, e.location(), "exception " + e.describe() + " matches no finding",
                        "Remove the exception."));
            }
        }
        return out;
    }

    static Diagnostic policy(String rule, Severity severity, SourceLocation at, String message, String fix) {
        return new Diagnostic(rule, Category.POLICY, severity, at, "", message, fix);
    }

    private static List<String> strings(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.forEach(e -> out.add(e.asText()));
        return out;
    }

    private static Map<String, String> stringMap(JsonNode n) {
        Map<String, String> out = new TreeMap<>();
        n.properties().forEach(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
