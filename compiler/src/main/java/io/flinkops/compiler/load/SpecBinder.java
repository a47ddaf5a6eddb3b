package io.flinkops.compiler.load;

import static io.flinkops.compiler.load.Fields.bool;
import static io.flinkops.compiler.load.Fields.integer;
import static io.flinkops.compiler.load.Fields.number;
import static io.flinkops.compiler.load.Fields.present;
import static io.flinkops.compiler.load.Fields.stringMap;
import static io.flinkops.compiler.load.Fields.strings;
import static io.flinkops.compiler.load.Fields.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.model.ArgoSettings;
import io.flinkops.compiler.model.Checkpointing;
import io.flinkops.compiler.model.Egress;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.FlinkSpec;
import io.flinkops.compiler.model.GroupKind;
import io.flinkops.compiler.model.JobSettings;
import io.flinkops.compiler.model.Resources;
import io.flinkops.compiler.model.Size;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.model.WorkloadNamespace;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.Pointers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns schema-checked trees into model records. Every default of the flinkops.io kinds is applied
 * here and nowhere else.
 */
public final class SpecBinder {
    public static final String DEFAULT_SERVICE_ACCOUNT = "flink";
    public static final String DEFAULT_OPERATOR_NAMESPACE = "flink-operator";
    public static final String DEFAULT_CHECKPOINT_INTERVAL = "60s";

    private SpecBinder() {}

    public static Environment environment(LocatedDocument doc, String folder) {
        JsonNode root = doc.root();
        String name = text(root.get("metadata"), "name", "");
        JsonNode spec = root.get("spec");
        JsonNode cluster = spec.get("cluster");
        JsonNode argo = spec.get("argocd");
        JsonNode operator = spec.get("operator");
        JsonNode state = spec.get("state");
        boolean production = bool(spec, "production", Boolean.FALSE);
        ArgoSettings argocd = new ArgoSettings(
                text(argo, "namespace", "argocd"),
                text(argo, "project", "flink-" + name),
                text(argo, "repoURL", null),
                text(argo, "targetRevision", "HEAD"),
                text(argo, "path", "build/manifests/" + name),
                text(argo, "delivery", "applications"),
                bool(argo, "prune", !production),
                bool(argo, "selfHeal", Boolean.TRUE),
                groupKinds(argo == null ? null : argo.get("extraKinds")));
        List<WorkloadNamespace> namespaces = new ArrayList<>();
        JsonNode nsList = spec.get("namespaces");
        for (int i = 0; nsList != null && i < nsList.size(); i++) {
            JsonNode ns = nsList.get(i);
            String nsName = text(ns, "name", "");
            namespaces.add(new WorkloadNamespace(
                    nsName,
                    text(ns, "team", null),
                    text(ns, "serviceAccount", DEFAULT_SERVICE_ACCOUNT),
                    text(ns, "iamRoleArn", null),
                    text(ns, "identity", "irsa"),
                    stringMap(ns, "labels"),
                    stringMap(ns, "quota"),
                    stringMap(ns.path("containerDefaults"), "requests"),
                    stringMap(ns.path("containerDefaults"), "limits"),
                    Pointers.child(Pointers.of("spec", "namespaces"), i)));
        }
        List<String> watched = strings(operator, "watchNamespaces");
        Map<String, Size> sizes = new TreeMap<>();
        JsonNode sizeNode = spec.get("sizes");
        if (present(sizeNode)) {
            sizeNode.properties().forEach(e -> sizes.put(e.getKey(), size(e.getValue())));
        }
        List<JsonNode> tolerations = new ArrayList<>();
        if (present(spec.get("tolerations"))) {
            spec.get("tolerations").forEach(tolerations::add);
        }
        List<String> policies = strings(spec, "policies");
        return new Environment(
                name,
                folder,
                production,
                text(cluster, "name", name),
                text(cluster, "server", "https://kubernetes.default.svc"),
                text(cluster, "region", null),
                text(cluster, "kubernetesApiCidr", null),
                argocd,
                text(operator, "version", ""),
                text(operator, "namespace", DEFAULT_OPERATOR_NAMESPACE),
                watched,
                strings(operator, "crdFiles"),
                stringMap(operator, "defaultConfiguration"),
                text(state, "bucket", ""),
                text(state, "prefix", name),
                text(state, "scheme", "s3"),
                Collections.unmodifiableList(namespaces),
                Collections.unmodifiableMap(sizes),
                stringMap(spec, "nodeSelector"),
                Collections.unmodifiableList(tolerations),
                policies.isEmpty() ? List.of("baseline") : policies,
                doc);
    }

    private static List<GroupKind> groupKinds(JsonNode list) {
        List<GroupKind> out = new ArrayList<>();
        if (present(list)) {
            list.forEach(gk -> out.add(new GroupKind(text(gk, "group", ""), text(gk, "kind", ""))));
        }
        return List.copyOf(out);
    }

    static Size size(JsonNode n) {
        if (!present(n)) {
            return Size.NONE;
        }
        return new Size(resources(n.get("jobManager")), resources(n.get("taskManager")), integer(n, "taskSlots", null));
    }

    private static Resources resources(JsonNode n) {
        if (!present(n)) {
            return Resources.NONE;
        }
        return new Resources(number(n, "cpu"), text(n, "memory", null), text(n, "ephemeralStorage", null));
    }

    public static FlinkSpec flinkSpec(SpecKind kind, LocatedDocument doc) {
        JsonNode root = doc.root();
        JsonNode meta = root.get("metadata");
        JsonNode spec = root.get("spec");
        JsonNode jobNode = spec.get("job");
        JobSettings job = null;
        if (present(jobNode)) {
            job = new JobSettings(
                    text(jobNode, "jarURI", null),
                    text(jobNode, "entryClass", null),
                    strings(jobNode, "args"),
                    integer(jobNode, "parallelism", 1),
                    text(jobNode, "upgradeMode", "stateless"),
                    text(jobNode, "state", "running"),
                    text(jobNode, "initialSavepointPath", null),
                    bool(jobNode, "allowNonRestoredState", null),
                    Fields.longValue(jobNode, "savepointTriggerNonce"));
        }
        boolean stateful = job != null && job.stateful();
        JsonNode cp = spec.get("checkpointing");
        Checkpointing checkpointing = new Checkpointing(
                bool(cp, "enabled", stateful || kind == SpecKind.FLINK_SESSION_CLUSTER),
                text(cp, "interval", DEFAULT_CHECKPOINT_INTERVAL),
                text(cp, "mode", "EXACTLY_ONCE"),
                text(cp, "minPause", null),
                text(cp, "timeout", null));
        JsonNode sp = spec.get("savepoints");
        List<Egress> egress = new ArrayList<>();
        JsonNode eg = spec.get("egress");
        for (int i = 0; present(eg) && i < eg.size(); i++) {
            JsonNode e = eg.get(i);
            List<Integer> ports = new ArrayList<>();
            e.get("ports").forEach(p -> ports.add(p.intValue()));
            egress.add(new Egress(text(e, "name", ""), text(e, "cidr", null), text(e, "namespace", null),
                    List.copyOf(ports), text(e, "protocol", "TCP"), Pointers.child(Pointers.of("spec", "egress"), i)));
        }
        JsonNode jm = spec.get("jobManager");
        JsonNode tm = spec.get("taskManager");
        boolean cluster = kind != SpecKind.FLINK_SESSION_JOB;
        Boolean ha = bool(spec, "highAvailability", null);
        if (ha == null && cluster) {
            ha = stateful || integer(jm, "replicas", 1) > 1;
        }
        return new FlinkSpec(
                kind,
                text(meta, "name", ""),
                text(meta, "namespace", null),
                stringMap(meta, "labels"),
                stringMap(meta, "annotations"),
                text(spec, "owner", null),
                text(spec, "image", null),
                text(spec, "imagePullPolicy", null),
                text(spec, "flinkVersion", null),
                cluster ? text(spec, "mode", "native") : null,
                text(spec, "size", null),
                size(spec.get("resources")),
                cluster ? integer(jm, "replicas", 1) : null,
                integer(tm, "replicas", null),
                ha,
                stringMap(spec, "flinkConfiguration"),
                stringMap(spec, "logConfiguration"),
                present(spec.get("podTemplate")) ? spec.get("podTemplate") : null,
                present(spec.get("ingress")) ? spec.get("ingress") : null,
                Collections.unmodifiableList(egress),
                job,
                checkpointing,
                text(sp, "periodicInterval", null),
                integer(sp, "maxCount", null),
                text(spec, "cluster", null),
                doc);
    }
}
