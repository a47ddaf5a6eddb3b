package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.policy.PodTemplateContainers.Container;
import io.flinkops.compiler.check.policy.PodTemplateVolumes.Volume;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

@Rule(
        id = "pod-template-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates hold containers Kubernetes can run",
        rationale = "The CRD does not require a pod template's fields and the operator does not check them, so a "
                + "FlinkDeployment is admitted whose template has a container without a name (or with one that is not a "
                + "DNS label), two containers of one name, a sidecar or init container without an image, a port name that is "
                + "not an IANA service name (over 15 characters: metrics-prometheus), a port without a number or out of "
                + "range, a protocol other than TCP, UDP or SCTP (tcp is refused), an imagePullPolicy other than Always, "
                + "IfNotPresent or Never, a volume mount of a volume the pod does not have, without a mountPath, at a "
                + "path another mount of the container takes, or with a subPath that is absolute or climbs out with '..', "
                + "or an environment variable without a name, with '=' or a character outside printable ASCII in its name "
                + "(Kubernetes 1.32 and later take any other), or with both value and valueFrom. Kubernetes then refuses "
                + "the operator's JobManager Deployment or TaskManager pods, and the job never starts. The shared template "
                + "is merged with each component's, as the operator merges them (lists item by item, by position or by "
                + "name): what the other template's item can supply is not asked of an item, and a pod has the volumes "
                + "the merge leaves it (by position, the operator's default, a component's volume takes the place of the "
                + "shared one at its index); a mount of a volume named NAME-volume may be one Flink adds itself (its "
                + "configuration, Hadoop configuration, Kerberos files, secrets), and is not judged. flink-main-container's "
                + "imagePullPolicy is Flink's to set (spec.imagePullPolicy).",
        remediation = "Name every container (a DNS label, flink-main-container for Flink's own), give sidecars and init "
                + "containers an image, declare each mounted volume under the template's volumes and mount each at a "
                + "path of its own, give each port its containerPort, write enumerations as Kubernetes spells them (TCP, "
                + "IfNotPresent), and give each environment variable a name and one of value or valueFrom.")
public final class PodTemplateInvalid extends RuleCheck {
    private static final String REFUSED = PodSpecNames.REFUSED;
    /**
     * Flink's decorators name the volumes they add with this suffix (flink-config-volume, hadoop-config-volume,
     * kerberos-keytab-volume, pod-template-volume, and SECRET-volume for each of kubernetes.secrets): a
     * template may mount them, so a mount of such a name is not judged.
     */
    private static final String FLINK_VOLUME_SUFFIX = "-volume";
    private static final String MAIN = "flink-main-container";
    private static final Set<String> PROTOCOLS = Set.of("TCP", "UDP", "SCTP");
    private static final Set<String> PULL_POLICIES = Set.of("Always", "IfNotPresent", "Never");

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isDeployment()) {
            return;
        }
        boolean byName = PodTemplateMerge.byName(t);
        // the volumes each pod gets, as the operator merges each component's list into the shared one
        List<Volume> shared = PodTemplateVolumes.of(t.spec(), null);
        List<Volume> jobManager = PodTemplateVolumes.of(t.spec(), "jobManager");
        List<Volume> taskManager = PodTemplateVolumes.of(t.spec(), "taskManager");
        Set<String> jobManagerPod = new HashSet<>();
        PodTemplateVolumes.pod(shared, jobManager, byName).forEach(v -> addName(jobManagerPod, v.name()));
        Set<String> taskManagerPod = new HashSet<>();
        PodTemplateVolumes.pod(shared, taskManager, byName).forEach(v -> addName(taskManagerPod, v.name()));
        Set<String> sharedNames = new HashSet<>();
        shared.forEach(v -> addName(sharedNames, v.name()));
        Set<String> anywhere = new HashSet<>(sharedNames);
        jobManager.forEach(v -> addName(anywhere, v.name()));
        taskManager.forEach(v -> addName(anywhere, v.name()));
        Map<String, List<Container>> templates = new HashMap<>(); // the shared template under null
        for (String component : PodTemplateContainers.COMPONENTS) {
            templates.put(component, PodTemplateContainers.of(t.spec(), component));
        }
        for (String component : PodTemplateContainers.COMPONENTS) {
            Map<String, String> seen = new HashMap<>();
            List<List<Container>> others = mergedWith(component).stream().map(templates::get).toList();
            for (Container c : templates.get(component)) {
                String where = (component == null ? "spec.podTemplate" : "spec." + component + ".podTemplate") + " "
                        + c.list() + "[" + c.index() + "]";
                JsonNode name = c.node().get("name");
                // the operator merges the templates' lists item by item, by position (its default) or by name
                boolean merged = others.stream().anyMatch(other -> other.stream().anyMatch(o -> atPosition(o, c)));
                if (name == null || name.isNull() || name.asText().isEmpty()) {
                    if (!merged) {
                        r.report(c.pointer(), where + " has no name" + REFUSED);
                    }
                } else if (name.isTextual() && !Placeholders.holdsOne(name.textValue())) {
                    if (!PodSpecNames.isDnsLabel(name.textValue())) {
                        r.report(c.pointer() + "/name", where + " is named '" + name.textValue() + "', which is not a DNS label "
                                + "(lower-case letters, digits and '-', at most 63)" + REFUSED);
                    }
                    String before = seen.putIfAbsent(name.textValue(), where);
                    if (before != null) {
                        r.report(c.pointer() + "/name", where + " is named '" + name.textValue() + "' as " + before + " is" + REFUSED);
                    }
                }
                boolean main = c.list().equals("containers") && MAIN.equals(c.name());
                if (!main && !hasImage(c.node()) && !others.stream().allMatch(other -> completes(other, c))) {
                    r.report(c.pointer(), where + (name != null && name.isTextual() ? " (" + name.textValue() + ")" : "")
                            + " has no image; only " + MAIN + " takes spec.image" + REFUSED);
                }
                // the pods the template goes into: each with its volumes, and (for the shared template) the
                // component's containers, whose mounts replace this one's at their positions unless merged by name
                Pod jobManagerOnly = new Pod("JobManager pod", jobManagerPod, List.of());
                Pod taskManagerOnly = new Pod("TaskManager pods", taskManagerPod, List.of());
                List<Pod> pods = component == null
                        ? List.of(new Pod("JobManager pod", jobManagerPod, byName ? List.of() : templates.get("jobManager")),
                                new Pod("TaskManager pods", taskManagerPod, byName ? List.of() : templates.get("taskManager")))
                        : List.of(component.equals("jobManager") ? jobManagerOnly : taskManagerOnly);
                mounts(c, where, pods, byName ? Set.of() : sharedNames, anywhere, others, r);
                env(c, where, merged, r);
                ports(c, where, others, r);
                JsonNode pullPolicy = c.node().path("imagePullPolicy");
                if (!main && pullPolicy.isTextual() && !PULL_POLICIES.contains(pullPolicy.textValue())
                        && !Placeholders.holdsOne(pullPolicy.textValue())) {
                    r.report(c.pointer() + "/imagePullPolicy", where + " has imagePullPolicy '" + pullPolicy.textValue()
                            + "', not one of Always, IfNotPresent, Never" + REFUSED);
                }
            }
        }
    }

    private static boolean hasImage(JsonNode container) {
        JsonNode image = container.get("image");
        return image != null && !image.isNull() && !image.asText().isBlank();
    }

    /** The templates the operator merges with {@code component}'s: the shared one, or (for the shared) both components'. */
    private static List<String> mergedWith(String component) {
        return component == null ? List.of("jobManager", "taskManager") : Collections.singletonList(null);
    }

    private static boolean atPosition(Container o, Container c) {
        return o.list().equals(c.list()) && o.index() == c.index();
    }

    /**
     * Whether an item of the other template, the one the merge lays the container over or under (at its
     * position, or of its name), gives it an image, or makes it flink-main-container (a nameless item over it).
     */
    private static boolean completes(List<Container> other, Container c) {
        return other.stream().anyMatch(o -> (atPosition(o, c) || !c.name().isEmpty() && o.list().equals(c.list())
                && o.name().equals(c.name())) && (hasImage(o.node())
                || c.name().isEmpty() && atPosition(o, c) && c.list().equals("containers") && MAIN.equals(o.name())));
    }

    /** A pod a template goes into: its volumes, and the containers laid over the template's by position, if any. */
    private record Pod(String label, Set<String> volumes, List<Container> over) {
        /** Whether mount {@code index} of {@code c} is in this pod: not replaced by the mount at its place in the container over it. */
        boolean keeps(Container c, int index) {
            return over.stream().noneMatch(o -> atPosition(o, c) && o.node().path("volumeMounts").path(index).path("name").isTextual());
        }
    }

    /**
     * {@code replaceable}: the shared template's volumes, which a component's may replace by position;
     * {@code anywhere}: the volumes any template declares.
     */
    private static void mounts(Container c, String where, List<Pod> pods, Set<String> replaceable, Set<String> anywhere,
            List<List<Container>> others, Reporter r) {
        JsonNode mounts = c.node().path("volumeMounts");
        Map<String, Integer> paths = new HashMap<>();
        for (int i = 0; mounts.isArray() && i < mounts.size(); i++) {
            String at = c.pointer() + "/volumeMounts/" + i;
            JsonNode volume = mounts.get(i).path("name");
            int index = i;
            Pod without = !volume.isTextual() || volume.textValue().endsWith(FLINK_VOLUME_SUFFIX) || Placeholders.holdsOne(volume.textValue())
                    ? null : pods.stream().filter(pod -> pod.keeps(c, index) && !pod.volumes().contains(volume.textValue()))
                            .findFirst().orElse(null);
            if (without != null) {
                String name = volume.textValue();
                r.report(at + "/name", where + " mounts volume '" + name + (replaceable.contains(name)
                        ? "', which a component's volume at its position replaces in the " + without.label() + " (the operator"
                                + " merges the templates' volumes by position unless " + OperatorKeys.MERGE_ARRAYS_BY_NAME + " is true)"
                        : anywhere.contains(name) ? "', which the " + without.label() + " do" + (without.label().endsWith("s") ? "" : "es")
                                + " not have: only another component's template declares it"
                        : "', which the pod template does not declare under volumes") + REFUSED);
            }
            JsonNode path = mounts.get(i).path("mountPath");
            if (!path.isTextual() || path.textValue().isEmpty()) {
                if (!suppliedByMerge(others, c, "volumeMounts", i) && mounts.get(i).isObject()
                        && (path.isMissingNode() || path.isNull() || path.isTextual())) {
                    r.report(at, where + " volumeMounts[" + i + "] has no mountPath" + REFUSED);
                }
            } else if (!Placeholders.holdsOne(path.textValue()) && paths.putIfAbsent(path.textValue(), i) != null) {
                r.report(at + "/mountPath", where + " mounts two volumes at " + path.textValue()
                        + " (volumeMounts[" + paths.get(path.textValue()) + "] and [" + i + "])" + REFUSED);
            }
            JsonNode subPath = mounts.get(i).path("subPath");
            if (subPath.isTextual() && (subPath.textValue().startsWith("/")
                    || List.of(subPath.textValue().split("/")).contains(".."))) {
                r.report(at + "/subPath", where + " mounts subPath " + subPath.textValue()
                        + ", which must be a relative path inside the volume, without '..'" + REFUSED);
            }
        }
    }

    private static void env(Container c, String where, boolean merged, Reporter r) {
        JsonNode env = c.node().path("env");
        for (int i = 0; env.isArray() && i < env.size(); i++) {
            JsonNode variable = env.get(i);
            if (!variable.isObject()) {
                continue;
            }
            String at = c.pointer() + "/env/" + i;
            JsonNode name = variable.get("name");
            if (name == null || name.isNull() || name.asText().isEmpty()) {
                if (!merged) { // the other template's variable at this position may give it one
                    r.report(at, where + " env[" + i + "] has no name" + REFUSED);
                }
            } else if (present(variable.get("value")) && present(variable.get("valueFrom"))) {
                r.report(at + "/valueFrom", where + " env " + name.asText() + " sets both value and valueFrom" + REFUSED);
            } else if (name.isTextual() && !printableWithoutEquals(name.textValue())) {
                // Kubernetes 1.32 and later (on by default) take any printable ASCII but '=': EKS runs no older one
                r.report(at + "/name", where + " env name '" + name.textValue() + "' holds '=' or a character outside printable"
                        + " ASCII" + REFUSED);
            }
        }
    }

    private static void ports(Container c, String where, List<List<Container>> others, Reporter r) {
        JsonNode ports = c.node().path("ports");
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; ports.isArray() && i < ports.size(); i++) {
            JsonNode port = ports.get(i);
            String at = c.pointer() + "/ports/" + i;
            JsonNode number = port.path("containerPort");
            if (number.isIntegralNumber() && !PodSpecNames.isPortNumber(number.asLong())) {
                r.report(at + "/containerPort", where + " port " + number.asText() + " is not between 1 and 65535" + REFUSED);
            } else if ((number.isMissingNode() || number.isNull()) && port.isObject() && !suppliedByMerge(others, c, "ports", i)) {
                r.report(at, where + " ports[" + i + "] has no containerPort" + REFUSED);
            }
            JsonNode hostPort = port.path("hostPort");
            if (hostPort.isIntegralNumber() && hostPort.asLong() != 0 && !PodSpecNames.isPortNumber(hostPort.asLong())) {
                r.report(at + "/hostPort", where + " hostPort " + hostPort.asText() + " is not between 1 and 65535" + REFUSED);
            }
            JsonNode protocol = port.path("protocol");
            if (protocol.isTextual() && !PROTOCOLS.contains(protocol.textValue()) && !Placeholders.holdsOne(protocol.textValue())) {
                r.report(at + "/protocol", where + " port protocol '" + protocol.textValue() + "' is not one of TCP, UDP, SCTP"
                        + " (upper case)" + REFUSED);
            }
            JsonNode name = port.path("name");
            if (!name.isTextual() || Placeholders.holdsOne(name.textValue())) {
                continue;
            }
            if (!PodSpecNames.isPortName(name.textValue())) {
                r.report(at + "/name", where + " port name '" + name.textValue() + "' is not a port name Kubernetes takes (at most "
                        + "15 lower-case letters, digits and single '-', with a letter)" + REFUSED);
            } else if (names.putIfAbsent(name.textValue(), i) != null) {
                r.report(at + "/name", where + " names two ports '" + name.textValue() + "'" + REFUSED);
            }
        }
    }

    /**
     * Whether, in every pod the template goes into, the other template's container that the merge joins to
     * {@code c} (at its position, or of its name) has an item in list {@code field} joined to item {@code index}
     * (again at its position, or of its name), which may give the item what it lacks.
     */
    private static boolean suppliedByMerge(List<List<Container>> others, Container c, String field, int index) {
        String name = c.node().path(field).path(index).path("name").asText("");
        return others.stream().allMatch(other -> other.stream()
                .filter(o -> atPosition(o, c) || !c.name().isEmpty() && o.list().equals(c.list()) && o.name().equals(c.name()))
                .map(o -> o.node().path(field))
                .anyMatch(items -> items.has(index)
                        || !name.isEmpty() && StreamSupport.stream(items.spliterator(), false)
                                .anyMatch(item -> name.equals(item.path("name").asText()))));
    }

    private static boolean present(JsonNode n) {
        return n != null && !n.isNull();
    }

    private static boolean printableWithoutEquals(String name) {
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (ch == '=' || ch < 32 || ch > 126) {
                return false;
            }
        }
        return true;
    }

    private static void addName(Set<String> names, String name) {
        if (name != null) {
            names.add(name);
        }
    }
}
