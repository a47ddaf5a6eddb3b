package io.flinkops.compiler.check.policy;

import static io.flinkops.compiler.check.policy.MergedPods.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.yaml.Pointers;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

@Rule(
        id = "pod-template-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates hold containers and metadata Kubernetes can run",
        rationale = "The CRD does not require a pod template's fields and the operator does not check them, so a "
                + "FlinkDeployment is admitted whose template has a container without a name (or with one that is not a "
                + "DNS label), two containers of one name, a sidecar or init container without an image, a port name that is "
                + "not an IANA service name (over 15 characters: metrics-prometheus), a port without a number or out of "
                + "range, a protocol other than TCP, UDP or SCTP (tcp is refused), an imagePullPolicy other than Always, "
                + "IfNotPresent or Never, a volume mount of a volume the pod does not have, without a mountPath, at a "
                + "path another mount of the container takes, or with a subPath that is absolute or climbs out with '..', with both subPath and subPathExpr, a "
                + "mountPropagation other than None, HostToContainer or Bidirectional (Bidirectional in a container that is not "
                + "privileged), a recursiveReadOnly other than Disabled, IfPossible or Enabled, or on a mount that is not "
                + "readOnly, "
                + "or an environment variable without a name, with '=' or a character outside printable ASCII in its name "
                + "(Kubernetes 1.32 and later take any other), or with both value and valueFrom, a valueFrom with no source or more than one, a downward-API fieldPath a "
                + "variable does not take (status.phase, metadata.labels without a key), a resourceFieldRef of another "
                + "resource, a ConfigMap or Secret reference without a name or key or with one Kubernetes does not take "
                + "(MySecret), an envFrom entry with no source or both, or a prefix with '=', or a label or annotation "
                + "of the template whose key or value Kubernetes cannot read (team: Data Platform), or an annotation Kubernetes "
                + "reads as part of the pod with a value it does not take: a seccomp profile annotation other than "
                + "runtime/default, docker/default, unconfined or localhost/ and a relative path, an AppArmor container "
                + "annotation for a container the pod does not have or with a value other than runtime/default, unconfined "
                + "or localhost/..., a pod-deletion-cost that is not a 32-bit integer, or a mirror-pod mark. Kubernetes then refuses "
                + "the operator's JobManager Deployment or TaskManager pods, and the job never starts. Each pod is judged as "
                + "the operator makes it, the shared template with the component's laid over it item by item (by position, "
                + "its default, or by name): a component's sidecar listed first is merged into flink-main-container and "
                + "makes a second container of its name, a variable merged with another template's keeps the value of "
                + "one beside the valueFrom of the other, and a component's volume takes the place of the shared one at "
                + "its index; each finding names the item as written. Flink then appends to flink-main-container, without "
                + "looking, its configuration volume at kubernetes.flink.conf.dir (/opt/flink/conf), the volumes its "
                + "configuration asks for (the TaskManagers' pod template at /opt/flink/pod-template in a native JobManager, "
                + "the Hadoop configuration of kubernetes.hadoop.conf.config-map.name at /opt/hadoop/conf, the Kerberos "
                + "keytab at /opt/kerberos/kerberos-keytab and krb5.conf at /etc/krb5.conf, each kubernetes.secrets entry at "
                + "its path) and its ports (rest, "
                + "jobmanager-rpc and blobserver in the JobManager pod, taskmanager-rpc in the TaskManagers, none with "
                + "kubernetes.hostnetwork.enabled), so a template's mount at one of those paths or port of those names is a "
                + "second one. A mount of a volume named NAME-volume may be one "
                + "Flink adds itself (its "
                + "configuration, Hadoop configuration, Kerberos files, secrets), and is not judged. flink-main-container's "
                + "imagePullPolicy is Flink's to set (spec.imagePullPolicy).",
        remediation = "Name every container (a DNS label, flink-main-container for Flink's own), give sidecars and init "
                + "containers an image, declare each mounted volume under the template's volumes and mount each at a "
                + "path of its own, give each port its containerPort, write enumerations as Kubernetes spells them (TCP, "
                + "IfNotPresent), give each environment variable a name and one of value or valueFrom, and leave Flink's "
                + "conf dir and port names to Flink (mount single files into the conf dir with subPath).")
public final class PodTemplateInvalid extends MergedPodRule {
    /**
     * Flink's decorators name the volumes they add with this suffix (flink-config-volume, hadoop-config-volume,
     * kerberos-keytab-volume, pod-template-volume, and SECRET-volume for each of kubernetes.secrets): a
     * template may mount them, so a mount of such a name is not judged.
     */
    private static final String FLINK_VOLUME_SUFFIX = "-volume";
    private static final String MAIN = "flink-main-container";
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");
    private static final Set<String> PROPAGATIONS = Set.of("None", "HostToContainer", "Bidirectional");
    /** The ports Flink's decorators add to flink-main-container (but with kubernetes.hostnetwork.enabled), by component. */
    private static final Map<String, List<String>> FLINK_PORTS = Map.of(
            "jobManager", List.of("rest", "jobmanager-rpc", "blobserver"), "taskManager", List.of("taskmanager-rpc"));

    @Override
    void judge(MergedPods merged, Pod pod, PodFindings findings) {
        FlinkAdds flink = new FlinkAdds(FlinkVolumes.of(merged, pod), merged.hostNetwork());
        new PodCheck(merged, pod, names(pod.spec().path("volumes")), flink, merged.hostNetwork(pod), findings).run();
    }

    /** The judgement of one merged pod: {@code volumes} are the names of its own. */
    private record PodCheck(MergedPods merged, Pod pod, Set<String> volumes, FlinkAdds flink, boolean onHostNetwork,
            PodFindings out) {
        void run() {
            metadata();
            Map<String, JsonNode> seen = new HashMap<>();
            for (Item c : pod.containers()) {
                JsonNode node = c.node();
                JsonNode name = node.get("name");
                if (name == null || name.isNull() || name.asText().isEmpty()) {
                    out.add(pod, MergedPods.last(node), MergedPods.where(node), "has no name");
                } else if (name.isTextual() && !Placeholders.holdsOne(name.textValue())) {
                    String at = merged.writer(node, "name");
                    if (!PodSpecNames.isDnsLabel(name.textValue())) {
                        out.add(pod, at + "/name", MergedPods.where(at), "is named '" + name.textValue() + "', which is not a DNS label "
                                + "(lower-case letters, digits and '-', at most 63)");
                    }
                    JsonNode before = seen.putIfAbsent(name.textValue(), node);
                    if (before != null) {
                        // name the one the component's template made, whose merge is the cause, if only one of them is
                        boolean swap = blamesFirst(MergedPods.last(node), MergedPods.last(before));
                        JsonNode named = swap ? before : node;
                        out.add(pod, merged.at(named, "name"), MergedPods.where(named),
                                "is named '" + name.textValue() + "' as " + MergedPods.where(swap ? node : before) + " is");
                    }
                }
                boolean main = c.list().equals("containers") && name != null && MAIN.equals(name.asText());
                if (!main && !hasImage(node)) {
                    out.add(pod, MergedPods.last(node), MergedPods.where(node, name != null && name.isTextual() ? name.textValue() : null),
                            "has no image; only " + MAIN + " takes spec.image");
                }
                JsonNode pullPolicy = node.path("imagePullPolicy");
                if (!main && pullPolicy.isTextual() && !PULL_POLICIES.contains(pullPolicy.textValue())
                        && !Placeholders.holdsOne(pullPolicy.textValue())) {
                    String at = merged.writer(node, "imagePullPolicy");
                    out.add(pod, at + "/imagePullPolicy", MergedPods.where(at), "has imagePullPolicy '" + pullPolicy.textValue()
                            + "', not one of Always, IfNotPresent, Never");
                }
                mounts(node);
                env(node);
                ports(node);
                if (main) {
                    flinkAdditions(node);
                }
            }
            hostPorts();
        }

        /**
         * Two ports that take one port of the node (protocol, host IP and hostPort): the regular containers run at once, so
         * none of them may share one; an init container runs alone, so only its own ports may not.
         */
        private void hostPorts() {
            Map<String, String> regular = new HashMap<>();
            for (Item c : pod.containers()) {
                Map<String, String> taken = c.list().equals("containers") ? regular : new HashMap<>();
                for (JsonNode port : c.node().path("ports")) {
                    JsonNode hostPort = port.path("hostPort");
                    if (!hostPort.isIntegralNumber() || hostPort.asLong() == 0) {
                        continue;
                    }
                    String protocol = text(port, "protocol").isEmpty() ? "TCP" : text(port, "protocol");
                    String key = protocol + "/" + text(port, "hostIP") + "/" + hostPort.asLong();
                    String at = merged.writer(port, "hostPort");
                    String before = taken.putIfAbsent(key, at);
                    if (before != null) {
                        out.add(pod, at + "/hostPort", MergedPods.where(MergedPods.parent(at)), "takes hostPort " + hostPort.asText()
                                + " (" + protocol + ") as " + MergedPods.where(MergedPods.parent(before)) + " does: one port of the"
                                + " node serves one of them");
                    }
                }
            }
        }

        /** The pod's labels and annotations, merged key into key: Kubernetes refuses a pod whose metadata it cannot read. */
        private void metadata() {
            out.labels(merged, pod, "metadata/labels");
            JsonNode meta = pod.template().path("metadata");
            Set<String> containers = Set.of(); // the pod's container names, gathered for an AppArmor annotation
            for (var e : meta.path("annotations").properties()) {
                String key = e.getKey();
                if (Placeholders.holdsOne(key)) {
                    continue;
                }
                String at = merged.writer(pod, Pointers.child("metadata/annotations", key));
                String subject = MergedPods.path(at.substring(0, at.lastIndexOf('/')));
                // the API server reads an annotation key in lower case
                if (!KubernetesNames.isQualifiedName(key.toLowerCase(Locale.ROOT))) {
                    out.add(pod, at, subject, "key '" + key + "' is not a qualified name (an"
                            + " optional DNS-subdomain prefix and '/', then at most 63 letters, digits, '-', '_' or '.')");
                } else if (e.getValue().isTextual() && !Placeholders.holdsOne(e.getValue().textValue())) {
                    if (key.startsWith(PodAnnotations.APPARMOR_CONTAINER) && containers.isEmpty()) {
                        containers = containerNames();
                    }
                    String problem = PodAnnotations.problem(key, e.getValue().textValue(), containers,
                            !text(pod.spec(), "nodeName").isEmpty());
                    if (problem != null) {
                        out.add(pod, at, subject, key + " " + problem);
                    }
                }
            }
        }

        /** The names of the pod's containers, init containers and Flink's own, which Flink adds if no template has it. */
        private Set<String> containerNames() {
            Set<String> names = new HashSet<>(Set.of(MAIN));
            for (Item c : pod.containers()) {
                names.add(text(c.node(), "name"));
            }
            return names;
        }

        /**
         * What Flink's decorators (Flink 1.17's, in native mode and in the operator's standalone mode alike) append
         * to flink-main-container without looking at the template's: its configuration volume at the conf dir,
         * and its ports. Kubernetes refuses a second mount at one path and a second port of one name.
         */
        private void flinkAdditions(JsonNode container) {
            for (JsonNode m : container.path("volumeMounts")) {
                String path = m.path("mountPath").isTextual() ? m.path("mountPath").textValue() : null;
                for (FlinkVolumes.FlinkVolume v : flink.volumes()) {
                    if (v.mountPath().equals(path)) {
                        String at = merged.writer(m, "mountPath");
                        out.add(pod, at + "/mountPath", MergedPods.where(MergedPods.parent(at)), "mounts a volume at " + path
                                + ", where Flink mounts " + v.what() + " (" + v.name() + ", " + v.whence() + ")");
                    }
                }
            }
            if (flink.hostNetwork()) {
                return;
            }
            List<String> ports = FLINK_PORTS.get(pod.component());
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").isTextual() && ports.contains(port.path("name").textValue())) {
                    String at = merged.writer(port, "name");
                    out.add(pod, at + "/name", MergedPods.where(MergedPods.parent(at)), "names a port '" + port.path("name").textValue()
                            + "', as Flink names one it adds to flink-main-container in the " + pod.label() + " ("
                            + String.join(", ", ports) + ")", true);
                }
            }
        }

        private void mounts(JsonNode container) {
            Map<String, JsonNode> paths = new HashMap<>();
            for (JsonNode m : container.path("volumeMounts")) {
                if (!m.isObject()) {
                    continue;
                }
                JsonNode volume = m.path("name");
                if (volume.isTextual() && !volume.textValue().endsWith(FLINK_VOLUME_SUFFIX) && !Placeholders.holdsOne(volume.textValue())
                        && !volumes.contains(volume.textValue())) {
                    String at = merged.writer(m, "name");
                    String because = missing(volume.textValue());
                    out.add(pod, at + "/name", MergedPods.where(MergedPods.parent(at)), "mounts volume '" + volume.textValue() + "', "
                            + because, because.contains(pod.label()));
                }
                JsonNode path = m.path("mountPath");
                if (!path.isTextual() || path.textValue().isEmpty()) {
                    if (path.isMissingNode() || path.isNull() || path.isTextual()) {
                        out.add(pod, MergedPods.last(m), MergedPods.where(m), "has no mountPath");
                    }
                } else if (!Placeholders.holdsOne(path.textValue())) {
                    JsonNode before = paths.putIfAbsent(path.textValue(), m);
                    if (before != null) {
                        String[] pair = blame(merged.writer(m, "mountPath"), merged.writer(before, "mountPath"));
                        String at = pair[0];
                        String first = pair[1];
                        out.add(pod, at + "/mountPath", MergedPods.where(MergedPods.parent(at)), sameContainer(at, first)
                                ? "mounts two volumes at " + path.textValue() + " (volumeMounts[" + index(first) + "] and [" + index(at) + "])"
                                : "mounts volumeMounts[" + index(at) + "] at " + path.textValue() + " as " + MergedPods.where(first)
                                        + " does, in the one container the merge makes of both");
                    }
                }
                JsonNode subPath = m.path("subPath");
                if (subPath.isTextual() && !PodSpecNames.isLocalDescendingPath(subPath.textValue())) {
                    String at = merged.writer(m, "subPath");
                    out.add(pod, at + "/subPath", MergedPods.where(MergedPods.parent(at)), "mounts subPath " + subPath.textValue()
                            + ", which must be a relative path inside the volume, without '..'");
                }
                mountOptions(container, m);
            }
        }

        /** A mount's subPathExpr, mountPropagation and recursiveReadOnly, as Kubernetes' ValidateVolumeMounts takes them. */
        private void mountOptions(JsonNode container, JsonNode m) {
            String expression = text(m, "subPathExpr");
            if (!expression.isEmpty()) {
                String at = merged.writer(m, "subPathExpr");
                String where = MergedPods.where(MergedPods.parent(at));
                if (!text(m, "subPath").isEmpty()) {
                    out.add(pod, at + "/subPathExpr", where, "sets subPathExpr and subPath; a mount takes one of them");
                } else if (!PodSpecNames.isLocalDescendingPath(expression)) {
                    out.add(pod, at + "/subPathExpr", where, "mounts subPathExpr " + expression + ", which must be a relative path"
                            + " inside the volume, without '..'");
                }
            }
            String propagation = text(m, "mountPropagation");
            if (!propagation.isEmpty() && !Placeholders.holdsOne(propagation)) {
                String at = merged.writer(m, "mountPropagation");
                if (!PROPAGATIONS.contains(propagation)) {
                    out.add(pod, at + "/mountPropagation", MergedPods.where(MergedPods.parent(at)), "mountPropagation '" + propagation
                            + "' is not None, HostToContainer or Bidirectional");
                } else if (propagation.equals("Bidirectional") && !container.path("securityContext").path("privileged").asBoolean(false)) {
                    out.add(pod, at + "/mountPropagation", MergedPods.where(MergedPods.parent(at)), "mountPropagation is Bidirectional"
                            + " in a container that is not privileged");
                }
            }
            String recursive = text(m, "recursiveReadOnly");
            if (!recursive.isEmpty() && !recursive.equals("Disabled") && !Placeholders.holdsOne(recursive)) {
                String at = merged.writer(m, "recursiveReadOnly");
                String where = MergedPods.where(MergedPods.parent(at));
                if (!recursive.equals("Enabled") && !recursive.equals("IfPossible")) {
                    out.add(pod, at + "/recursiveReadOnly", where, "recursiveReadOnly '" + recursive + "' is not Disabled, IfPossible"
                            + " or Enabled");
                } else if (!m.path("readOnly").asBoolean(false)) {
                    out.add(pod, at + "/recursiveReadOnly", where, "recursiveReadOnly is " + recursive + " on a mount that is not readOnly");
                } else if (!propagation.isEmpty() && !propagation.equals("None")) {
                    out.add(pod, at + "/recursiveReadOnly", where, "recursiveReadOnly is " + recursive + " with mountPropagation "
                            + propagation + "; it takes None only");
                }
            }
        }

        /** Why the pod has no volume {@code name}: the merge replaced it, only another component declares it, or none does. */
        private String missing(String name) {
            JsonNode spec = merged.target().spec();
            if (names(spec.path("podTemplate").path("spec").path("volumes")).contains(name)) {
                for (JsonNode v : pod.spec().path("volumes")) {
                    List<String> origins = MergedPods.origins(v);
                    boolean wasIt = origins.stream().anyMatch(o -> MergedPods.isShared(o) && name.equals(merged.written(o).path("name").asText(null)));
                    if (wasIt && !MergedPods.isShared(MergedPods.last(v))) {
                        return "which " + MergedPods.where(MergedPods.last(v)) + (v.path("name").isTextual() ? " (" + v.path("name").textValue()
                                + ")" : "") + " replaces at its position in the " + pod.label() + " (the operator merges the templates'"
                                + " volumes by position unless " + OperatorKeys.MERGE_ARRAYS_BY_NAME + " is true)";
                    }
                }
                return "which the " + pod.label() + " " + pod.does() + " not have after the operator's merge of the templates";
            }
            boolean another = names(spec.path("jobManager").path("podTemplate").path("spec").path("volumes")).contains(name)
                    || names(spec.path("taskManager").path("podTemplate").path("spec").path("volumes")).contains(name);
            return another
                    ? "which the " + pod.label() + " " + pod.does() + " not have: only another component's template declares it"
                    : "which the pod template does not declare under volumes";
        }

        private void env(JsonNode container) {
            for (JsonNode variable : container.path("env")) {
                if (!variable.isObject()) {
                    continue;
                }
                JsonNode name = variable.get("name");
                if (name == null || name.isNull() || name.asText().isEmpty()) {
                    out.add(pod, MergedPods.last(variable), MergedPods.where(variable), "has no name");
                } else if (MergedPods.isSet(variable.path("value")) && MergedPods.isSet(variable.path("valueFrom"))) {
                    String from = merged.writer(variable, "valueFrom");
                    String value = merged.writer(variable, "value");
                    out.add(pod, from + "/valueFrom", MergedPods.where(MergedPods.parent(from)) + " env " + name.asText(), from.equals(value)
                            ? "sets both value and valueFrom"
                            : "sets valueFrom, and " + MergedPods.where(value) + ", which the merge makes one variable with it, sets value");
                } else if (name.isTextual() && !EnvSources.isEnvName(name.textValue())) {
                    String at = merged.writer(variable, "name");
                    out.add(pod, at + "/name", MergedPods.where(MergedPods.parent(at)), "env name '" + name.textValue()
                            + "' holds '=' or a character outside printable ASCII");
                } else if (variable.path("valueFrom").isObject()) {
                    for (FieldProblem p : EnvSources.valueFrom(variable.path("valueFrom"))) {
                        String at = merged.writer(variable, p.field());
                        out.add(pod, at + "/" + p.field(), MergedPods.where(MergedPods.parent(at)) + " env " + name.asText(), p.message());
                    }
                }
            }
            for (JsonNode source : MergedPods.list(container.path("envFrom"))) {
                if (!source.isObject()) {
                    continue;
                }
                for (FieldProblem p : EnvSources.envFrom(source)) {
                    String at = p.field().isEmpty() ? MergedPods.last(source) : merged.writer(source, p.field());
                    out.add(pod, p.field().isEmpty() ? at : at + "/" + p.field(), MergedPods.where(at), p.message());
                }
            }
        }

        private void ports(JsonNode container) {
            Map<String, JsonNode> names = new HashMap<>();
            for (JsonNode port : container.path("ports")) {
                if (!port.isObject()) {
                    continue;
                }
                JsonNode number = port.path("containerPort");
                if (number.isIntegralNumber() && !PodSpecNames.isPortNumber(number.asLong())) {
                    String at = merged.writer(port, "containerPort");
                    out.add(pod, at + "/containerPort", MergedPods.where(MergedPods.parent(at)), "port " + number.asText()
                            + " is not between 1 and 65535");
                } else if (number.isMissingNode() || number.isNull()) {
                    out.add(pod, MergedPods.last(port), MergedPods.where(port), "has no containerPort");
                }
                JsonNode hostPort = port.path("hostPort");
                if (hostPort.isIntegralNumber() && hostPort.asLong() != 0) {
                    String at = merged.writer(port, "hostPort");
                    if (!PodSpecNames.isPortNumber(hostPort.asLong())) {
                        out.add(pod, at + "/hostPort", MergedPods.where(MergedPods.parent(at)), "hostPort " + hostPort.asText()
                                + " is not between 1 and 65535");
                    } else if (onHostNetwork && number.isIntegralNumber() && number.asLong() != hostPort.asLong()) {
                        out.add(pod, at + "/hostPort", MergedPods.where(MergedPods.parent(at)), "hostPort " + hostPort.asText()
                                + " differs from containerPort " + number.asText() + " on the host network, where the two are one");
                    }
                }
                JsonNode protocol = port.path("protocol");
                if (protocol.isTextual() && !PROTOCOLS.contains(protocol.textValue()) && !Placeholders.holdsOne(protocol.textValue())) {
                    String at = merged.writer(port, "protocol");
                    out.add(pod, at + "/protocol", MergedPods.where(MergedPods.parent(at)), "port protocol '" + protocol.textValue()
                            + "' is not one of TCP, UDP, SCTP (upper case)");
                }
                JsonNode name = port.path("name");
                if (!name.isTextual() || Placeholders.holdsOne(name.textValue())) {
                    continue;
                }
                String at = merged.writer(port, "name");
                JsonNode before = names.putIfAbsent(name.textValue(), port);
                if (!PodSpecNames.isPortName(name.textValue())) {
                    out.add(pod, at + "/name", MergedPods.where(MergedPods.parent(at)), "port name '" + name.textValue() + "' is not a port"
                            + " name Kubernetes takes (at most 15 lower-case letters, digits and single '-', with a letter)");
                } else if (before != null) {
                    String[] pair = blame(at, merged.writer(before, "name"));
                    at = pair[0];
                    String first = pair[1];
                    out.add(pod, at + "/name", MergedPods.where(MergedPods.parent(at)), sameContainer(at, first)
                            ? "names two ports '" + name.textValue() + "'"
                            : "names a port '" + name.textValue() + "' as " + MergedPods.where(first) + " does, in the one container the"
                                    + " merge makes of both");
                }
            }
        }
    }

    /** Where Flink mounts its configuration in flink-main-container, and whether it adds no ports (host network). */
    /** What Flink adds to a pod's flink-main-container: its volumes' mounts, and its ports unless on the host network. */
    private record FlinkAdds(List<FlinkVolumes.FlinkVolume> volumes, boolean hostNetwork) {}

    /**
     * Of two items that clash in a merged pod ({@code later} after {@code earlier}), the one to name first: the
     * component's, whose merge over the shared template is the cause, if only one of them is a component's.
     */
    private static String[] blame(String later, String earlier) {
        return blamesFirst(later, earlier) ? new String[] {earlier, later} : new String[] {later, earlier};
    }

    private static boolean blamesFirst(String later, String earlier) {
        return MergedPods.isShared(later) && !MergedPods.isShared(earlier);
    }

    /** Whether two items' pointers are in one written container. */
    private static boolean sameContainer(String a, String b) {
        return MergedPods.parent(a).equals(MergedPods.parent(b));
    }

    /** The index an item's pointer ends with. */
    private static String index(String pointer) {
        return pointer.substring(pointer.lastIndexOf('/') + 1);
    }

    private static boolean hasImage(JsonNode container) {
        JsonNode image = container.get("image");
        return image != null && !image.isNull() && !image.asText().isBlank();
    }

    private static Set<String> names(JsonNode volumes) {
        Set<String> out = new HashSet<>();
        for (JsonNode v : volumes) {
            if (v.path("name").isTextual()) {
                out.add(v.path("name").textValue());
            }
        }
        return out;
    }


}
