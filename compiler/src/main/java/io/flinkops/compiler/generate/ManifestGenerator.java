package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.load.EnvironmentSources;
import io.flinkops.compiler.load.Problems;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.Egress;
import io.flinkops.compiler.model.FlinkSpec;
import io.flinkops.compiler.model.RawResource;
import io.flinkops.compiler.model.Resources;
import io.flinkops.compiler.model.Size;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.model.WorkloadNamespace;
import io.flinkops.compiler.yaml.Pointers;
import io.flinkops.compiler.yaml.SourceMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The resolve and generate stages: environment defaults, sizes and references are resolved, and the
 * Kubernetes objects of each output root are built as trees, each with its {@link Origin}.
 */
public final class ManifestGenerator {
    public static final int WAVE_NAMESPACE = -3;
    public static final int WAVE_ACCESS = -2;
    public static final int WAVE_SESSION_CLUSTER = -1;
    public static final int WAVE_JOB = 0;
    public static final int WAVE_SESSION_JOB = 1;

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    /** The container of a Flink pod that the operator sizes and runs Flink in; pod templates name it to change it. */
    public static final String FLINK_MAIN_CONTAINER = "flink-main-container";
    /** The ResourceQuota flinkops writes for a namespace with {@code quota} in environment.yaml. */
    private static final String QUOTA_NAME = "flink-quota";
    /** The LimitRange flinkops writes for a namespace with {@code containerDefaults} in environment.yaml. */
    private static final String LIMIT_RANGE_NAME = "flink-container-defaults";

    private final GenerateOptions options;

    public ManifestGenerator(GenerateOptions options) {
        this.options = options;
    }

    public List<EmittedObject> generate(EnvironmentSources sources, Diagnostics diagnostics) {
        return assemble(sources.environment(), units(sources, diagnostics), diagnostics);
    }

    /**
     * What each spec and raw resource of an environment contributes on its own (specs first, then raw
     * resources, each in path order): its workload object and the facts the environment-wide objects
     * are made of. A unit depends on its own document and the environment only, so a unit generated
     * once stays right while those two are unchanged (see {@code cache.ContextPacks}).
     */
    public List<GeneratedUnit> units(EnvironmentSources sources, Diagnostics diagnostics) {
        Environment env = sources.environment();
        List<GeneratedUnit> out = new ArrayList<>();
        for (FlinkSpec spec : sources.specs()) {
            EmittedObject workload = null;
            if (spec.namespace() != null) {
                workload = switch (spec.kind()) {
                    case FLINK_JOB, FLINK_SESSION_CLUSTER -> flinkDeployment(env, spec, diagnostics).orElse(null);
                    case FLINK_SESSION_JOB -> sessionJob(env, spec);
                    default -> throw new IllegalStateException("not a flinkops job kind: " + spec.kind());
                };
            }
            out.add(new GeneratedUnit(spec.document().file(), spec.document().sourceMap(), spec.kind(), spec.namespace(),
                    spec.name(), spec.cluster(), "native".equals(spec.mode()), spec.egress(), workload));
        }
        for (RawResource raw : sources.raws()) {
            boolean nativeMode = raw.kind() == SpecKind.RAW_FLINK_DEPLOYMENT
                    && !"standalone".equals(raw.document().root().path("spec").path("mode").asText());
            out.add(new GeneratedUnit(raw.document().file(), raw.document().sourceMap(), raw.kind(), raw.namespace(),
                    raw.name(), null, nativeMode, List.of(), raw(env, raw)));
        }
        return out;
    }

    /** The environment's objects from its units (as {@link #units} orders them): workloads, then each namespace's objects. */
    public List<EmittedObject> assemble(Environment env, List<GeneratedUnit> units, Diagnostics diagnostics) {
        List<EmittedObject> out = new ArrayList<>();
        TreeSet<String> sessionClusters = new TreeSet<>();
        for (GeneratedUnit u : units) {
            if (u.kind() == SpecKind.FLINK_SESSION_CLUSTER) {
                sessionClusters.add(u.namespace() + "/" + u.name());
            }
        }
        TreeSet<String> nativeNamespaces = new TreeSet<>();
        for (GeneratedUnit u : units) {
            if (u.kind().isRaw()) {
                out.add(u.workload());
                if (u.nativeMode()) {
                    nativeNamespaces.add(u.namespace() == null ? "default" : u.namespace());
                }
                continue;
            }
            if (u.namespace() == null) {
                diagnostics.add(Problems.of(Problems.UNRESOLVED, u.source().best("/metadata"), "/metadata/namespace",
                        u.kind().kind() + " '" + u.name() + "' has no metadata.namespace",
                        "Set metadata.namespace to one of the environment's namespaces."));
                continue;
            }
            if (u.kind() == SpecKind.FLINK_SESSION_JOB && !sessionClusters.contains(u.namespace() + "/" + u.cluster())) {
                diagnostics.add(Problems.of(Problems.UNRESOLVED, u.source().best("/spec/cluster"), "/spec/cluster",
                        "FlinkSessionJob '" + u.name() + "' names session cluster '" + u.cluster()
                                + "', which is not declared in namespace " + u.namespace() + " of environment " + env.name(),
                        "Declare a FlinkSessionCluster named '" + u.cluster() + "' in namespace " + u.namespace() + ", or fix the name."));
                continue;
            }
            if (u.workload() != null) {
                out.add(u.workload());
                if (u.kind() != SpecKind.FLINK_SESSION_JOB && u.nativeMode()) {
                    nativeNamespaces.add(u.namespace());
                }
            }
        }
        for (WorkloadNamespace ns : env.namespaces()) {
            out.addAll(namespaceObjects(env, ns, nativeNamespaces.contains(ns.name()), units));
        }
        return out;
    }

    // ---- namespaces, identity, network -------------------------------------------------------

    private List<EmittedObject> namespaceObjects(Environment env, WorkloadNamespace ns, boolean nativeMode, List<GeneratedUnit> units) {
        List<EmittedObject> out = new ArrayList<>();
        SourceMap src = env.document().sourceMap();
        String at = ns.pointer();

        ObjectNode namespace = object("v1", "Namespace");
        ObjectNode nsMeta = metadata(namespace, ns.name(), null);
        ObjectNode nsLabels = baseLabels(env, ns.name(), "namespace", ns.team(), null);
        nsLabels.put("kubernetes.io/metadata.name", ns.name());
        ns.labels().forEach(nsLabels::put);
        nsMeta.set("labels", sortObject(nsLabels));
        annotate(nsMeta, env.document().file(), WAVE_NAMESPACE);
        out.add(new EmittedObject(env.name(), ns.name(), namespace,
                Origin.of(src, at).map("/metadata/name", at + "/name").map("/metadata/labels", at + "/labels")));

        ObjectNode sa = object("v1", "ServiceAccount");
        ObjectNode saMeta = metadata(sa, ns.serviceAccount(), ns.name());
        saMeta.set("labels", baseLabels(env, ns.serviceAccount(), "service-account", ns.team(), null));
        if (ns.iamRoleArn() != null && "irsa".equals(ns.identity())) {
            saMeta.set("annotations", F.objectNode().put("eks.amazonaws.com/role-arn", ns.iamRoleArn()));
        }
        annotate(saMeta, env.document().file(), WAVE_ACCESS);
        out.add(new EmittedObject(env.name(), ns.name(), sa,
                Origin.of(src, at).map("/metadata/name", at + "/serviceAccount")
                        .map("/metadata/annotations/eks.amazonaws.com~1role-arn", at + "/iamRoleArn")));

        if (nativeMode) {
            ObjectNode role = object("rbac.authorization.k8s.io/v1", "Role");
            ObjectNode roleMeta = metadata(role, "flink", ns.name());
            roleMeta.set("labels", baseLabels(env, "flink", "rbac", ns.team(), null));
            annotate(roleMeta, env.document().file(), WAVE_ACCESS);
            ArrayNode rules = role.putArray("rules");
            ObjectNode core = rules.addObject();
            core.putArray("apiGroups").add("");
            core.putArray("resources").add("configmaps").add("pods").add("services");
            verbs(core.putArray("verbs"));
            ObjectNode apps = rules.addObject();
            apps.putArray("apiGroups").add("apps");
            apps.putArray("resources").add("deployments").add("deployments/finalizers");
            verbs(apps.putArray("verbs"));
            out.add(new EmittedObject(env.name(), ns.name(), role, Origin.of(src, at)));

            ObjectNode binding = object("rbac.authorization.k8s.io/v1", "RoleBinding");
            ObjectNode bindingMeta = metadata(binding, "flink", ns.name());
            bindingMeta.set("labels", baseLabels(env, "flink", "rbac", ns.team(), null));
            annotate(bindingMeta, env.document().file(), WAVE_ACCESS);
            ObjectNode roleRef = binding.putObject("roleRef");
            roleRef.put("apiGroup", "rbac.authorization.k8s.io").put("kind", "Role").put("name", "flink");
            binding.putArray("subjects").addObject().put("kind", "ServiceAccount").put("name", ns.serviceAccount()).put("namespace", ns.name());
            out.add(new EmittedObject(env.name(), ns.name(), binding,
                    Origin.of(src, at).map("/subjects/0/name", at + "/serviceAccount")));
        }

        if (!ns.quota().isEmpty()) {
            ObjectNode quota = object("v1", "ResourceQuota");
            ObjectNode quotaMeta = metadata(quota, QUOTA_NAME, ns.name());
            quotaMeta.set("labels", baseLabels(env, QUOTA_NAME, "quota", ns.team(), null));
            annotate(quotaMeta, env.document().file(), WAVE_ACCESS);
            ObjectNode hard = quota.putObject("spec").putObject("hard");
            ns.quota().forEach(hard::put); // sorted by resource name
            out.add(new EmittedObject(env.name(), ns.name(), quota, Origin.of(src, at).map("/spec/hard", at + "/quota")));
        }
        if (ns.hasContainerDefaults()) {
            ObjectNode limitRange = object("v1", "LimitRange");
            ObjectNode meta = metadata(limitRange, LIMIT_RANGE_NAME, ns.name());
            meta.set("labels", baseLabels(env, LIMIT_RANGE_NAME, "quota", ns.team(), null));
            annotate(meta, env.document().file(), WAVE_ACCESS);
            ObjectNode item = limitRange.putObject("spec").putArray("limits").addObject();
            item.put("type", "Container");
            Origin origin = Origin.of(src, at);
            if (!ns.defaultLimits().isEmpty()) {
                ns.defaultLimits().forEach(item.putObject("default")::put); // sorted by resource name
                origin.map("/spec/limits/0/default", at + "/containerDefaults/limits");
            }
            if (!ns.defaultRequests().isEmpty()) {
                ns.defaultRequests().forEach(item.putObject("defaultRequest")::put);
                origin.map("/spec/limits/0/defaultRequest", at + "/containerDefaults/requests");
            }
            out.add(new EmittedObject(env.name(), ns.name(), limitRange, origin));
        }

        out.add(networkPolicy(env, ns, "default-deny", np -> {
            np.putObject("podSelector");
            np.putArray("policyTypes").add("Ingress").add("Egress");
        }));
        out.add(networkPolicy(env, ns, "allow-same-namespace", np -> {
            np.putObject("podSelector");
            np.putArray("policyTypes").add("Ingress").add("Egress");
            np.putArray("ingress").addObject().putArray("from").addObject().putObject("podSelector");
            np.putArray("egress").addObject().putArray("to").addObject().putObject("podSelector");
        }));
        out.add(networkPolicy(env, ns, "allow-operator-to-jobmanager", np -> {
            np.putObject("podSelector").putObject("matchLabels").put("component", "jobmanager");
            np.putArray("policyTypes").add("Ingress");
            ObjectNode rule = np.putArray("ingress").addObject();
            rule.putArray("from").addObject().putObject("namespaceSelector").putObject("matchLabels")
                    .put("kubernetes.io/metadata.name", env.operatorNamespace());
            rule.putArray("ports").addObject().put("protocol", "TCP").put("port", 8081);
        }));
        out.add(networkPolicy(env, ns, "allow-dns", np -> {
            np.putObject("podSelector");
            np.putArray("policyTypes").add("Egress");
            ObjectNode rule = np.putArray("egress").addObject();
            ObjectNode peer = rule.putArray("to").addObject();
            peer.putObject("namespaceSelector").putObject("matchLabels").put("kubernetes.io/metadata.name", "kube-system");
            peer.putObject("podSelector").putObject("matchLabels").put("k8s-app", "kube-dns");
            ArrayNode ports = rule.putArray("ports");
            ports.addObject().put("protocol", "UDP").put("port", 53);
            ports.addObject().put("protocol", "TCP").put("port", 53);
        }));
        out.add(networkPolicy(env, ns, "allow-s3-egress", np -> {
            np.putObject("podSelector");
            np.putArray("policyTypes").add("Egress");
            ObjectNode rule = np.putArray("egress").addObject();
            rule.putArray("to").addObject().putObject("ipBlock").put("cidr", "0.0.0.0/0");
            rule.putArray("ports").addObject().put("protocol", "TCP").put("port", 443);
        }));
        if (nativeMode) {
            out.add(networkPolicy(env, ns, "allow-kubernetes-api", np -> {
                np.putObject("podSelector").putObject("matchLabels").put("component", "jobmanager");
                np.putArray("policyTypes").add("Egress");
                ObjectNode rule = np.putArray("egress").addObject();
                String cidr = env.kubernetesApiCidr() != null ? env.kubernetesApiCidr() : "0.0.0.0/0";
                rule.putArray("to").addObject().putObject("ipBlock").put("cidr", cidr);
                ArrayNode ports = rule.putArray("ports");
                ports.addObject().put("protocol", "TCP").put("port", 443);
                ports.addObject().put("protocol", "TCP").put("port", 6443);
            }));
        }
        for (GeneratedUnit unit : units) {
            if (!unit.kind().isRaw() && ns.name().equals(unit.namespace()) && !unit.egress().isEmpty()) {
                out.add(egressPolicy(env, ns, unit));
            }
        }
        return out;
    }

    /** The NetworkPolicy that lets a job's pods reach what its spec declares under egress. */
    private EmittedObject egressPolicy(Environment env, WorkloadNamespace ns, GeneratedUnit unit) {
        String podApp = unit.kind() == SpecKind.FLINK_SESSION_JOB ? unit.cluster() : unit.name();
        EmittedObject np = networkPolicy(env, ns, "allow-egress-" + unit.name(), p -> {
            p.putObject("podSelector").putObject("matchLabels").put("app", podApp);
            p.putArray("policyTypes").add("Egress");
            ArrayNode rules = p.putArray("egress");
            for (Egress e : unit.egress()) {
                ObjectNode rule = rules.addObject();
                ObjectNode peer = rule.putArray("to").addObject();
                if (e.cidr() != null) {
                    peer.putObject("ipBlock").put("cidr", e.cidr());
                } else if (e.namespace() != null) {
                    peer.putObject("namespaceSelector").putObject("matchLabels").put("kubernetes.io/metadata.name", e.namespace());
                } else {
                    peer.putObject("ipBlock").put("cidr", "0.0.0.0/0");
                }
                ArrayNode ports = rule.putArray("ports");
                for (int port : e.ports()) {
                    ports.addObject().put("protocol", e.protocol()).put("port", port);
                }
            }
        });
        Origin origin = Origin.of(unit.source(), "/spec/egress");
        for (int i = 0; i < unit.egress().size(); i++) {
            origin.map("/spec/egress/" + i, unit.egress().get(i).pointer());
        }
        np.object().withObject("metadata").withObject("annotations").put(Labels.SOURCE, unit.file());
        return new EmittedObject(np.environment(), np.root(), np.object(), origin);
    }

    private static void verbs(ArrayNode verbs) {
        for (String v : List.of("create", "delete", "get", "list", "patch", "update", "watch")) {
            verbs.add(v);
        }
    }

    private interface Filler {
        void fill(ObjectNode spec);
    }

    private EmittedObject networkPolicy(Environment env, WorkloadNamespace ns, String name, Filler filler) {
        ObjectNode np = object("networking.k8s.io/v1", "NetworkPolicy");
        ObjectNode meta = metadata(np, name, ns.name());
        meta.set("labels", baseLabels(env, name, "network-policy", ns.team(), null));
        annotate(meta, env.document().file(), WAVE_ACCESS);
        filler.fill(np.putObject("spec"));
        return new EmittedObject(env.name(), ns.name(), np,
                Origin.of(env.document().sourceMap(), ns.pointer()));
    }

    // ---- Flink custom resources ---------------------------------------------------------------

    private Optional<EmittedObject> flinkDeployment(Environment env, FlinkSpec spec, Diagnostics diagnostics) {
        SourceMap src = spec.document().sourceMap();
        Origin origin = Origin.of(src, "");
        Optional<Size> resolved = resolveSize(env, spec, diagnostics);
        if (resolved.isEmpty()) {
            return Optional.empty();
        }
        Size size = resolved.get();
        boolean session = spec.kind() == SpecKind.FLINK_SESSION_CLUSTER;
        Optional<WorkloadNamespace> ns = env.namespace(spec.namespace());
        String team = ns.map(WorkloadNamespace::team).orElse(null);

        ObjectNode fd = object(SpecKind.FLINK_API, "FlinkDeployment");
        ObjectNode meta = metadata(fd, spec.name(), spec.namespace());
        origin.map("/metadata/name", "/metadata/name").map("/metadata/namespace", "/metadata/namespace");
        ObjectNode labels = baseLabels(env, spec.name(), session ? "flink-session-cluster" : "flink-application", team, spec.owner());
        spec.labels().forEach(labels::put);
        meta.set("labels", sortObject(labels));
        origin.map("/metadata/labels", "/metadata/labels");
        mapDerivedLabels(origin, env, spec, ns);
        ObjectNode annotations = F.objectNode();
        spec.annotations().forEach(annotations::put);
        if (!annotations.isEmpty()) {
            meta.set("annotations", annotations);
        }
        origin.map("/metadata/annotations", "/metadata/annotations");
        int wave = session ? WAVE_SESSION_CLUSTER : WAVE_JOB;
        annotate(meta, spec.document().file(), wave);
        protectFromPrune(env, meta);

        ObjectNode s = fd.putObject("spec");
        s.put("image", spec.image());
        origin.map("/spec/image", "/spec/image");
        if (spec.imagePullPolicy() != null) {
            s.put("imagePullPolicy", spec.imagePullPolicy());
            origin.map("/spec/imagePullPolicy", "/spec/imagePullPolicy");
        }
        s.put("flinkVersion", spec.flinkVersion());
        origin.map("/spec/flinkVersion", "/spec/flinkVersion");
        s.put("mode", spec.mode());
        origin.map("/spec/mode", "/spec/mode");
        s.put("serviceAccount", ns.map(WorkloadNamespace::serviceAccount).orElse("flink"));

        Map<String, String> conf = new TreeMap<>();
        Map<String, String> confOrigin = new LinkedHashMap<>();
        if (size.taskSlots() != null) {
            conf.put("taskmanager.numberOfTaskSlots", Integer.toString(size.taskSlots()));
            confOrigin.put("taskmanager.numberOfTaskSlots", sizePointer(spec, "taskSlots"));
        }
        stateConfiguration(env, spec, conf, confOrigin);
        if (Boolean.TRUE.equals(spec.highAvailability())) {
            if (FlinkVersions.newerOrEqual(spec.flinkVersion(), 17)) {
                conf.put("high-availability.type", "kubernetes");
            } else {
                conf.put("high-availability", "org.apache.flink.kubernetes.highavailability.KubernetesHaServicesFactory");
            }
            conf.put("high-availability.storageDir", env.stateRoot(spec.namespace(), spec.name()) + "/ha");
            confOrigin.put("high-availability.type", "/spec/highAvailability");
        }
        if (ns.isPresent() && ns.get().iamRoleArn() != null && env.stateScheme().equals("s3a")) {
            conf.put("fs.s3a.aws.credentials.provider", "com.amazonaws.auth.WebIdentityTokenCredentialsProvider");
        }
        putConfiguration(s, spec, conf, confOrigin, origin);
        stateOrigin(env, confOrigin, origin);
        if (!spec.logConfiguration().isEmpty()) {
            ObjectNode log = s.putObject("logConfiguration");
            spec.logConfiguration().forEach(log::put);
            origin.map("/spec/logConfiguration", "/spec/logConfiguration");
        }
        if (spec.ingress() != null) {
            s.set("ingress", spec.ingress().deepCopy());
            origin.map("/spec/ingress", "/spec/ingress");
        }
        s.set("podTemplate", podTemplate(env, spec, origin));

        ObjectNode jm = s.putObject("jobManager");
        jm.set("resource", resource(size.jobManager(), spec, "jobManager", origin, "/spec/jobManager/resource"));
        jm.put("replicas", spec.jobManagerReplicas());
        origin.map("/spec/jobManager/replicas", "/spec/jobManager/replicas");
        ObjectNode tm = s.putObject("taskManager");
        tm.set("resource", resource(size.taskManager(), spec, "taskManager", origin, "/spec/taskManager/resource"));
        if (spec.taskManagerReplicas() != null) {
            tm.put("replicas", spec.taskManagerReplicas());
            origin.map("/spec/taskManager/replicas", "/spec/taskManager/replicas");
        }
        if (!session) {
            s.set("job", job(spec, origin));
        }
        return Optional.of(new EmittedObject(env.name(), spec.namespace(), fd, origin));
    }

    /** The author's flinkConfiguration over the derived one, written sorted, each key mapped to its source line. */
    private static void putConfiguration(ObjectNode s, FlinkSpec spec, Map<String, String> conf, Map<String, String> confOrigin, Origin origin) {
        spec.flinkConfiguration().forEach((k, v) -> {
            conf.put(k, v);
            confOrigin.put(k, Pointers.child(Pointers.of("spec", "flinkConfiguration"), k));
        });
        ObjectNode confNode = s.putObject("flinkConfiguration");
        conf.forEach(confNode::put);
        confOrigin.forEach((k, p) -> origin.map(Pointers.child("/spec/flinkConfiguration", k), p));
    }

    /** State paths the author did not set come from the environment's bucket: findings on them go there. */
    private static void stateOrigin(Environment env, Map<String, String> confOrigin, Origin origin) {
        for (String key : STATE_PATH_KEYS) {
            if (!confOrigin.containsKey(key)) {
                origin.mapTo(Pointers.child("/spec/flinkConfiguration", key), env.document().sourceMap(), "/spec/state/bucket");
            }
        }
    }

    private static final List<String> STATE_PATH_KEYS = List.of("state.checkpoints.dir", "state.savepoints.dir", "high-availability.storageDir");

    private static String sizePointer(FlinkSpec spec, String field) {
        JsonNode resources = spec.document().root().path("spec").path("resources");
        if (resources.has(field)) {
            return "/spec/resources/" + field;
        }
        return spec.size() != null ? "/spec/size" : "";
    }

    private Optional<Size> resolveSize(Environment env, FlinkSpec spec, Diagnostics diagnostics) {
        Size base = Size.NONE;
        if (spec.size() != null) {
            Size named = env.sizes().get(spec.size());
            if (named == null) {
                diagnostics.add(Problems.of(Problems.UNRESOLVED, spec.document().sourceMap().best("/spec/size"), "/spec/size",
                        "size '" + spec.size() + "' is not defined in environment " + env.name()
                                + (env.sizes().isEmpty() ? "" : " (defined: " + String.join(", ", env.sizes().keySet()) + ")"),
                        "Pick a size from " + env.document().file() + " or give spec.resources."));
                return Optional.empty();
            }
            base = named;
        }
        return Optional.of(spec.explicitSize().orElse(base));
    }

    private static ObjectNode resource(Resources r, FlinkSpec spec, String component, Origin origin, String emittedPrefix) {
        ObjectNode node = F.objectNode();
        if (r.cpu() != null) {
            node.put("cpu", r.cpu());
        }
        if (r.memory() != null) {
            node.put("memory", r.memory());
        }
        if (r.ephemeralStorage() != null) {
            node.put("ephemeralStorage", r.ephemeralStorage());
        }
        JsonNode explicit = spec.document().root().path("spec").path("resources").path(component);
        for (String field : List.of("cpu", "memory", "ephemeralStorage")) {
            if (explicit.has(field)) {
                origin.map(emittedPrefix + "/" + field, "/spec/resources/" + component + "/" + field);
            } else if (spec.size() != null) {
                origin.map(emittedPrefix + "/" + field, "/spec/size");
            }
        }
        return node;
    }

    private static void stateConfiguration(Environment env, FlinkSpec spec, Map<String, String> conf, Map<String, String> confOrigin) {
        String root = env.stateRoot(spec.namespace(), spec.name());
        conf.put("state.checkpoints.dir", root + "/checkpoints");
        conf.put("state.savepoints.dir", root + "/savepoints");
        if (spec.checkpointing().enabled()) {
            conf.put("execution.checkpointing.interval", spec.checkpointing().interval());
            conf.put("execution.checkpointing.mode", spec.checkpointing().mode());
            confOrigin.put("execution.checkpointing.interval", "/spec/checkpointing/interval");
            confOrigin.put("execution.checkpointing.mode", "/spec/checkpointing/mode");
            if (spec.checkpointing().minPause() != null) {
                conf.put("execution.checkpointing.min-pause", spec.checkpointing().minPause());
                confOrigin.put("execution.checkpointing.min-pause", "/spec/checkpointing/minPause");
            }
            if (spec.checkpointing().timeout() != null) {
                conf.put("execution.checkpointing.timeout", spec.checkpointing().timeout());
                confOrigin.put("execution.checkpointing.timeout", "/spec/checkpointing/timeout");
            }
        }
        if (spec.periodicSavepointInterval() != null) {
            conf.put("kubernetes.operator.periodic.savepoint.interval", spec.periodicSavepointInterval());
            confOrigin.put("kubernetes.operator.periodic.savepoint.interval", "/spec/savepoints/periodicInterval");
        }
        if (spec.savepointMaxCount() != null) {
            conf.put("kubernetes.operator.savepoint.history.max.count", Integer.toString(spec.savepointMaxCount()));
            confOrigin.put("kubernetes.operator.savepoint.history.max.count", "/spec/savepoints/maxCount");
        }
    }

    private ObjectNode podTemplate(Environment env, FlinkSpec spec, Origin origin) {
        ObjectNode template = spec.podTemplate() != null ? spec.podTemplate().deepCopy() : F.objectNode();
        if (spec.podTemplate() != null) {
            origin.map("/spec/podTemplate", "/spec/podTemplate");
        }
        ObjectNode podSpec = template.withObject("spec");
        if (!env.nodeSelector().isEmpty()) {
            ObjectNode selector = podSpec.withObject("nodeSelector");
            env.nodeSelector().forEach((k, v) -> {
                if (!selector.has(k)) {
                    selector.put(k, v);
                }
            });
        }
        if (!env.tolerations().isEmpty() && !podSpec.has("tolerations")) {
            ArrayNode tolerations = podSpec.putArray("tolerations");
            env.tolerations().forEach(t -> tolerations.add(t.deepCopy()));
        }
        ArrayNode containers = podSpec.withArray("containers");
        ObjectNode main = null;
        for (JsonNode c : containers) {
            if (FLINK_MAIN_CONTAINER.equals(c.path("name").asText())) {
                main = (ObjectNode) c;
            }
        }
        if (main == null) {
            main = containers.addObject();
            main.put("name", FLINK_MAIN_CONTAINER);
        }
        ArrayNode envVars = main.withArray("env");
        boolean hasPlugins = false;
        for (JsonNode e : envVars) {
            hasPlugins |= "ENABLE_BUILT_IN_PLUGINS".equals(e.path("name").asText());
        }
        if (!hasPlugins) {
            String full = FlinkVersions.fullVersion(spec.flinkVersion(), spec.image());
            String plugin = env.stateScheme().equals("s3p") ? "flink-s3-fs-presto-" : "flink-s3-fs-hadoop-";
            envVars.addObject().put("name", "ENABLE_BUILT_IN_PLUGINS").put("value", plugin + full + ".jar");
        }
        return template;
    }

    private static ObjectNode job(FlinkSpec spec, Origin origin) {
        ObjectNode job = F.objectNode();
        var j = spec.job();
        if (j.jarURI() != null) {
            job.put("jarURI", j.jarURI());
        }
        if (j.entryClass() != null) {
            job.put("entryClass", j.entryClass());
        }
        if (!j.args().isEmpty()) {
            ArrayNode args = job.putArray("args");
            j.args().forEach(args::add);
        }
        job.put("parallelism", j.parallelism());
        job.put("upgradeMode", j.upgradeMode());
        job.put("state", j.state());
        if (j.initialSavepointPath() != null) {
            job.put("initialSavepointPath", j.initialSavepointPath());
        }
        if (j.allowNonRestoredState() != null) {
            job.put("allowNonRestoredState", j.allowNonRestoredState());
        }
        if (j.savepointTriggerNonce() != null) {
            job.put("savepointTriggerNonce", j.savepointTriggerNonce());
        }
        origin.map("/spec/job", "/spec/job");
        return job;
    }

    private EmittedObject sessionJob(Environment env, FlinkSpec spec) {
        SourceMap src = spec.document().sourceMap();
        Origin origin = Origin.of(src, "");
        Optional<WorkloadNamespace> ns = env.namespace(spec.namespace());
        ObjectNode sj = object(SpecKind.FLINK_API, "FlinkSessionJob");
        ObjectNode meta = metadata(sj, spec.name(), spec.namespace());
        origin.map("/metadata/name", "/metadata/name").map("/metadata/namespace", "/metadata/namespace");
        ObjectNode labels = baseLabels(env, spec.name(), "flink-session-job", ns.map(WorkloadNamespace::team).orElse(null), spec.owner());
        spec.labels().forEach(labels::put);
        meta.set("labels", sortObject(labels));
        origin.map("/metadata/labels", "/metadata/labels");
        mapDerivedLabels(origin, env, spec, ns);
        if (!spec.annotations().isEmpty()) {
            ObjectNode annotations = meta.putObject("annotations");
            spec.annotations().forEach(annotations::put);
            origin.map("/metadata/annotations", "/metadata/annotations");
        }
        annotate(meta, spec.document().file(), WAVE_SESSION_JOB);
        protectFromPrune(env, meta);
        ObjectNode s = sj.putObject("spec");
        s.put("deploymentName", spec.cluster());
        origin.map("/spec/deploymentName", "/spec/cluster");
        Map<String, String> conf = new TreeMap<>();
        Map<String, String> confOrigin = new LinkedHashMap<>();
        stateConfiguration(env, spec, conf, confOrigin);
        putConfiguration(s, spec, conf, confOrigin, origin);
        stateOrigin(env, confOrigin, origin);
        s.set("job", job(spec, origin));
        return new EmittedObject(env.name(), spec.namespace(), sj, origin);
    }

    private EmittedObject raw(Environment env, RawResource raw) {
        ObjectNode copy = ((ObjectNode) raw.document().root()).deepCopy();
        int wave = raw.kind() == SpecKind.RAW_FLINK_SESSION_JOB ? WAVE_SESSION_JOB
                : raw.document().root().path("spec").has("job") ? WAVE_JOB : WAVE_SESSION_CLUSTER;
        JsonNode existing = copy.get("metadata");
        // A malformed metadata is the schema check's finding; provenance only goes where it fits.
        if ((existing == null || existing.isObject())
                && (existing == null || !existing.has("annotations") || existing.get("annotations").isObject())) {
            ObjectNode meta = copy.withObject("metadata");
            annotate(meta, raw.document().file(), wave);
            protectFromPrune(env, meta);
        }
        String root = raw.namespace() == null ? "default" : raw.namespace();
        return new EmittedObject(env.name(), root, copy, Origin.identity(raw.document().sourceMap()));
    }

    // ---- small builders -----------------------------------------------------------------------

    private static ObjectNode object(String apiVersion, String kind) {
        ObjectNode o = F.objectNode();
        o.put("apiVersion", apiVersion);
        o.put("kind", kind);
        return o;
    }

    private static ObjectNode metadata(ObjectNode object, String name, String namespace) {
        ObjectNode meta = object.putObject("metadata");
        meta.put("name", name);
        if (namespace != null) {
            meta.put("namespace", namespace);
        }
        return meta;
    }

    /**
     * A finding on a label flinkops derived from what the user wrote elsewhere points there: the owner
     * at the spec's owner, the team at its namespace's team in environment.yaml (unless the spec's own
     * labels replaced them).
     */
    private static void mapDerivedLabels(Origin origin, Environment env, FlinkSpec spec, Optional<WorkloadNamespace> ns) {
        if (spec.owner() != null && !spec.labels().containsKey(Labels.OWNER)) {
            origin.map(Pointers.child("/metadata/labels", Labels.OWNER), "/spec/owner");
        }
        ns.filter(n -> n.team() != null && !spec.labels().containsKey(Labels.TEAM)).ifPresent(n ->
                origin.mapTo(Pointers.child("/metadata/labels", Labels.TEAM), env.document().sourceMap(), n.pointer() + "/team"));
    }

    private static ObjectNode baseLabels(Environment env, String name, String component, String team, String owner) {
        ObjectNode labels = F.objectNode();
        labels.put(Labels.NAME, name);
        labels.put(Labels.COMPONENT, component);
        labels.put(Labels.PART_OF, "flink-platform");
        labels.put(Labels.MANAGED_BY, Labels.MANAGER);
        labels.put(Labels.ENVIRONMENT, env.name());
        if (team != null) {
            labels.put(Labels.TEAM, team);
        }
        if (owner != null) {
            labels.put(Labels.OWNER, owner);
        }
        return labels;
    }

    private void annotate(ObjectNode meta, String sourceFile, int wave) {
        ObjectNode annotations = meta.withObject("annotations");
        annotations.put(Labels.SYNC_WAVE, Integer.toString(wave));
        annotations.put(Labels.SOURCE, sourceFile);
        if (options.commit() != null) {
            annotations.put(Labels.COMMIT, options.commit());
        }
        meta.set("annotations", sortObject(annotations));
    }

    /**
     * Where the environment does not prune automatically (production by default), Flink resources
     * also refuse a manual prune: deleting a FlinkDeployment by accident drops its running job.
     */
    private static void protectFromPrune(Environment env, ObjectNode meta) {
        if (!env.argocd().prune()) {
            ObjectNode annotations = meta.withObject("annotations");
            annotations.put("argocd.argoproj.io/sync-options", "Prune=false");
            meta.set("annotations", sortObject(annotations));
        }
    }

    private static ObjectNode sortObject(ObjectNode node) {
        TreeMap<String, JsonNode> sorted = new TreeMap<>();
        node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
        ObjectNode out = F.objectNode();
        sorted.forEach(out::set);
        return out;
    }
}
