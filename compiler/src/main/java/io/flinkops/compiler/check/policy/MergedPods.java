package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkValues;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The pod templates the operator gives Kubernetes for a FlinkDeployment: the JobManager's and the
 * TaskManagers', each the shared template with the component's laid over it by {@link PodTemplateMerge}.
 * Before the merge every item of every list is marked with the JSON pointer where it was written; the
 * marks survive the merge (an item merged from two carries both), so a rule judges the pods Kubernetes
 * gets and still names what the user wrote.
 */
final class MergedPods {
    /**
     * A pod the operator asks for: its component (jobManager, taskManager), its label in messages, and its merged
     * template (metadata and spec).
     */
    record Pod(String component, String label, JsonNode template) {
        JsonNode spec() {
            return template.path("spec");
        }

        /** "does" or "do", as the label is one pod or many. */
        String does() {
            return label.endsWith("s") ? "do" : "does";
        }

        /** The pod's containers and init containers (the items that are mappings), each with its list's name. */
        List<Item> containers() {
            List<Item> out = new ArrayList<>();
            for (String list : new String[] {"containers", "initContainers"}) {
                for (JsonNode item : spec().path(list)) {
                    if (item.isObject()) {
                        out.add(new Item(list, item));
                    }
                }
            }
            return out;
        }
    }

    /** A container of a merged pod and the list it is in. */
    record Item(String list, JsonNode node) {}

    /** A key no Kubernetes field has: the rest of it is the pointer of a written item the marked one was made of. */
    private static final String MARK = "\u0000";
    private static final String HOST_NETWORK = "kubernetes.hostnetwork.enabled";
    private static final Pattern SEGMENT = Pattern.compile("/(\\w+)/(\\d+)");

    /**
     * The last object's pods, per thread: the Checker runs all rules of one object on one thread, and up to six of
     * them read its pods. Nothing mutates them.
     */
    private static final ThreadLocal<MergedPods> LAST = new ThreadLocal<>();

    private final CheckTarget target;
    private final JsonNode root;
    private final List<Pod> pods;

    private MergedPods(CheckTarget target, List<Pod> pods) {
        this.target = target;
        this.root = target.root();
        this.pods = pods;
    }

    /** The JobManager pod and the TaskManager pods of a FlinkDeployment. */
    static MergedPods of(CheckTarget t) {
        MergedPods last = LAST.get();
        if (last != null && last.target == t) {
            return last;
        }
        MergedPods made = make(t);
        LAST.set(made);
        return made;
    }

    private static MergedPods make(CheckTarget t) {
        boolean byName = PodTemplateMerge.byName(t);
        JsonNode shared = marked(t.spec().path("podTemplate"), "/spec/podTemplate");
        List<Pod> pods = new ArrayList<>();
        for (String component : new String[] {"jobManager", "taskManager"}) {
            JsonNode own = marked(t.spec().path(component).path("podTemplate"), "/spec/" + component + "/podTemplate");
            pods.add(new Pod(component, component.equals("jobManager") ? "JobManager pod" : "TaskManager pods",
                    PodTemplateMerge.merge(shared, own, byName)));
        }
        return new MergedPods(t, List.copyOf(pods));
    }

    List<Pod> pods() {
        return pods;
    }

    /** The FlinkDeployment whose pods these are. */
    CheckTarget target() {
        return target;
    }

    /** Whether the operator runs the object's cluster in standalone mode, where the TaskManagers are a Deployment too. */
    boolean standalone() {
        return "standalone".equals(target.spec().path("mode").asText());
    }

    /** Whether Flink puts its pods on the host network (kubernetes.hostnetwork.enabled over the operator's defaults). */
    boolean hostNetwork() {
        return target.admissionConf().get(HOST_NETWORK).flatMap(FlinkValues::bool).orElse(false);
    }

    /**
     * Whether one of the pods runs on the host network: Flink sets hostNetwork on the pods it builds, the operator's
     * standalone TaskManagers keep the template's.
     */
    boolean hostNetwork(Pod pod) {
        return standalone() && pod.component().equals("taskManager") ? pod.spec().path("hostNetwork").asBoolean(false) : hostNetwork();
    }

    /**
     * The pointer of item {@code i} of a list of texts or numbers in a merged pod ({@code list} below the pod's spec,
     * {@code dnsConfig/nameservers}): the merge keeps the shared template's items and adds the component's past their
     * end, so the item is the shared template's if it has one there.
     */
    String writerOfItem(Pod pod, String list, int i) {
        String shared = "/spec/podTemplate/spec/" + list + "/" + i;
        return root.at(shared).isMissingNode() ? "/spec/" + pod.component() + "/podTemplate/spec/" + list + "/" + i : shared;
    }

    /** The node if it is a list, else an empty one: the CRD check names a list of the wrong type. */
    static JsonNode list(JsonNode node) {
        return node.isArray() ? node : MissingNode.getInstance();
    }

    /** Whether a field is set: neither missing nor null (the API server drops a null). */
    static boolean isSet(JsonNode value) {
        return !value.isMissingNode() && !value.isNull();
    }

    /** A scalar field of a node of a pod as text: empty when it is unset, null or not a scalar. */
    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : "";
    }

    /** The pod of one component: jobManager or taskManager. */
    Pod pod(String component) {
        return pods.stream().filter(p -> p.component().equals(component)).findFirst().orElseThrow();
    }

    /** The pointers of the written items a merged item was made of: the shared template's before a component's. */
    static List<String> origins(JsonNode item) {
        List<String> out = new ArrayList<>();
        item.fieldNames().forEachRemaining(key -> {
            if (key.startsWith(MARK)) {
                out.add(key.substring(MARK.length()));
            }
        });
        return out;
    }

    /** Whether a key of a merged item is a mark, not one the user wrote. */
    static boolean isMark(String key) {
        return key.startsWith(MARK);
    }

    /** The pointer of the item a merged item was last made of: the one the merge laid over the others. */
    static String last(JsonNode item) {
        List<String> origins = origins(item);
        return origins.isEmpty() ? "" : origins.get(origins.size() - 1);
    }

    /**
     * The pointer of the written item whose {@code field} (a path below the item: {@code livenessProbe/httpGet})
     * the merged item holds: the last of its items that sets it, as the merge keeps the value laid last over
     * the others; the last item when none does.
     */
    String writer(JsonNode item, String field) {
        List<String> origins = origins(item);
        for (int i = origins.size() - 1; i >= 0; i--) {
            JsonNode written = root.at(origins.get(i) + "/" + field);
            if (!written.isMissingNode() && !written.isNull() && !(written.isArray() && written.isEmpty())) {
                return origins.get(i);
            }
        }
        return last(item);
    }

    /**
     * The pointer of the template that sets {@code path} (below a pod template: {@code spec/nodeSelector/disktype})
     * in a merged pod: the component's if it does, as its value is laid over the shared one, else the shared one's.
     */
    String writer(Pod pod, String path) {
        String own = "/spec/" + pod.component() + "/podTemplate/" + path;
        JsonNode written = root.at(own);
        return isSet(written) ? own : "/spec/podTemplate/" + path;
    }

    /** The pointer of {@code field} (a path below the item) in the written item that set it: {@link #writer} and the field. */
    String at(JsonNode item, String field) {
        return writer(item, field) + "/" + field;
    }

    /** The written node at a pointer of {@link #origins}. */
    JsonNode written(String pointer) {
        return root.at(pointer);
    }

    /**
     * How a message names a merged item: where it was written, and what the merge laid it over if it was
     * made of more than one ({@code spec.jobManager.podTemplate containers[0] (merged over spec.podTemplate containers[0])}).
     */
    static String where(JsonNode item) {
        return where(item, null);
    }

    /** As {@link #where(JsonNode)}, with a label (its name) in the parentheses: {@code containers[0] (fluentbit, merged over ...)}. */
    static String where(JsonNode item, String label) {
        List<String> origins = origins(item);
        List<String> notes = new ArrayList<>();
        if (label != null) {
            notes.add(label);
        }
        if (origins.size() > 1) {
            notes.add("merged over " + where(origins.get(0)));
        }
        return where(last(item)) + (notes.isEmpty() ? "" : " (" + String.join(", ", notes) + ")");
    }

    /** {@link #where(String)} with a label (a container's name) in parentheses, if it has one. */
    static String where(String pointer, String label) {
        return where(pointer) + (label == null || label.isEmpty() ? "" : " (" + label + ")");
    }

    /** Whether a pointer of {@link #origins} is in the shared template, which both pods start from. */
    static boolean isShared(String pointer) {
        return pointer.startsWith("/spec/podTemplate/");
    }

    /** {@code /spec/jobManager/podTemplate/spec/containers/1/env/0} as {@code spec.jobManager.podTemplate containers[1] env[0]}. */
    static String where(String pointer) {
        int template = pointer.indexOf("/podTemplate");
        if (template < 0) {
            return pointer;
        }
        StringBuilder out = new StringBuilder(template(pointer));
        Matcher m = SEGMENT.matcher(pointer.substring(template + "/podTemplate/spec".length()));
        while (m.find()) {
            out.append(' ').append(m.group(1)).append('[').append(m.group(2)).append(']');
        }
        return out.toString();
    }

    /**
     * A pointer below a pod template as the template's name and the full path in its spec (or, for its metadata,
     * in the template), for fields deeper than a container's lists:
     * {@code spec.podTemplate affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0]},
     * {@code spec.podTemplate metadata.labels}.
     */
    static String path(String pointer) {
        int template = pointer.indexOf("/podTemplate/");
        if (template < 0) {
            return pointer;
        }
        int rest = pointer.startsWith("/podTemplate/spec/", template) ? template + "/podTemplate/spec/".length()
                : template + "/podTemplate/".length();
        StringBuilder out = new StringBuilder(template(pointer)).append(' ');
        String[] parts = pointer.substring(rest).split("/");
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i].replace("~1", "/").replace("~0", "~");
            if (part.chars().allMatch(Character::isDigit) && !part.isEmpty()) {
                out.append('[').append(part).append(']');
            } else {
                out.append(i == 0 ? "" : ".").append(part);
            }
        }
        return out.toString();
    }

    /** The template a pointer is in: {@code spec.podTemplate} or {@code spec.taskManager.podTemplate}. */
    static String template(String pointer) {
        return pointer.substring(1, pointer.indexOf("/podTemplate") + "/podTemplate".length()).replace('/', '.');
    }

    /** The pointer of the written item that holds the one at {@code pointer} (a container's, for its mount). */
    static String parent(String pointer) {
        String[] parts = pointer.split("/");
        return parts.length < 3 ? pointer : String.join("/", Arrays.copyOf(parts, parts.length - 2));
    }

    /** A copy of a pod template whose list items (at any depth) are marked with their pointers under {@code pointer}. */
    private static JsonNode marked(JsonNode template, String pointer) {
        if (!template.isObject()) {
            return template;
        }
        JsonNode copy = template.deepCopy();
        mark(copy, pointer);
        return copy;
    }

    private static void mark(JsonNode node, String pointer) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> mark(e.getValue(), pointer + "/" + e.getKey().replace("~", "~0").replace("/", "~1")));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                mark(item, pointer + "/" + i);
                if (item instanceof ObjectNode object) {
                    object.set(MARK + pointer + "/" + i, BooleanNode.TRUE);
                }
            }
        }
    }
}
