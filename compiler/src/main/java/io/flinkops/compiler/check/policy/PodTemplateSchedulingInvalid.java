package io.flinkops.compiler.check.policy;

import static io.flinkops.compiler.check.policy.MergedPods.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

@Rule(
        id = "pod-template-scheduling-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates' node selectors, tolerations, affinities and spread constraints are ones Kubernetes takes",
        rationale = "The CRD leaves a pod template's scheduling fields to Kubernetes and the operator does not read them, "
                + "so a FlinkDeployment is admitted whose JobManager Deployment or TaskManager pods Kubernetes refuses, and "
                + "the job never starts: a nodeSelector key that is not a label key, or a value that is not a label value; "
                + "a toleration whose operator is not Equal or Exists (exists is refused), with a value and Exists, without "
                + "a key and without Exists, with an effect other than NoSchedule, PreferNoSchedule or NoExecute, or with "
                + "tolerationSeconds and another effect than NoExecute; a node affinity requirement whose operator is not "
                + "In, NotIn, Exists, DoesNotExist, Gt or Lt, with values its operator does not take, or a key that is not a "
                + "label key, or (in a required term) a value that is not a label value; a required node affinity without nodeSelectorTerms; a preferred term whose weight is not "
                + "1-100; a pod (anti-)affinity term without a topologyKey, or a label selector requirement whose "
                + "operator is not In, NotIn, Exists or DoesNotExist, a matchLabels key or a value that is not a label's, "
                + "or a namespace that is not a DNS label; a topology spread constraint without a topologyKey, "
                + "with a maxSkew or minDomains below 1, a whenUnsatisfiable other than DoNotSchedule or ScheduleAnyway, "
                + "minDomains with ScheduleAnyway, a nodeAffinityPolicy or nodeTaintsPolicy other than Honor or Ignore, "
                + "matchLabelKeys without a labelSelector, or naming a key that is not a label key or that the selector "
                + "matches on, or the topologyKey and whenUnsatisfiable of another. Each pod is judged as the operator's merge of the "
                + "templates makes it: tolerations and terms have no names, so a component's are laid over the shared "
                + "ones by position, key into key, even with kubernetes.operator.pod-template.merge-arrays-by-name (a "
                + "TaskManager's Exists toleration over a shared Equal one keeps the shared value, which Kubernetes refuses).",
        remediation = "Write operators and effects as Kubernetes spells them (Exists, NoSchedule), give Exists no value and "
                + "In or NotIn at least one, set tolerationSeconds only with NoExecute, give every pod affinity term a "
                + "topologyKey (kubernetes.io/hostname), and in a component's template repeat the shared template's "
                + "tolerations at their positions before its own.")
public final class PodTemplateSchedulingInvalid extends MergedPodRule {
    private static final Set<String> EFFECTS = Set.of("NoSchedule", "PreferNoSchedule", "NoExecute");
    private static final Set<String> SPREAD_ACTIONS = Set.of("DoNotSchedule", "ScheduleAnyway");
    private static final Set<String> INCLUSION_POLICIES = Set.of("Honor", "Ignore");
    private static final List<String> NODE_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt");
    private static final List<String> LABEL_OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");
    private static final String LABEL_KEY = PodSpecNames.LABEL_KEY;

    @Override
    void judge(MergedPods merged, Pod pod, PodFindings out) {
        Judge judge = new Judge(merged, pod, out);
        judge.nodeSelector();
        judge.tolerations();
        judge.affinity();
        judge.spread();
    }

    private record Judge(MergedPods merged, Pod pod, PodFindings out) {
        void nodeSelector() {
            out.labels(merged, pod, "spec/nodeSelector");
        }

        void tolerations() {
            for (JsonNode toleration : pod.spec().path("tolerations")) {
                if (!toleration.isObject()) {
                    continue;
                }
                String key = text(toleration, "key");
                String operator = text(toleration, "operator");
                String value = text(toleration, "value");
                String effect = text(toleration, "effect");
                key(toleration, key, true);
                if (key.isEmpty() && !operator.equals("Exists") && !Placeholders.holdsOne(operator)) {
                    out.add(pod, at(toleration, "operator"), subject(toleration), "has no key, so its operator must be Exists (which"
                            + " tolerates every taint)" + (operator.isEmpty() ? "" : ", not " + operator));
                }
                JsonNode seconds = toleration.get("tolerationSeconds");
                if (seconds != null && !seconds.isNull() && !effect.equals("NoExecute") && !Placeholders.holdsOne(effect)) {
                    out.add(pod, at(toleration, "tolerationSeconds"), subject(toleration), "sets tolerationSeconds with "
                            + (effect.isEmpty() ? "no effect" : "effect " + effect) + ": only NoExecute takes it");
                }
                switch (operator) {
                    case "", "Equal" -> {
                        if (!Placeholders.holdsOne(value) && !KubernetesNames.isLabelValue(value)) {
                            String at = at(toleration, "value");
                            out.add(pod, at, MergedPods.path(owner(at)), "value '" + value + "' is not " + PodSpecNames.LABEL_VALUE);
                        }
                    }
                    case "Exists" -> {
                        if (!value.isEmpty()) {
                            // a value laid under a component's Exists is the merge's doing: name the Exists
                            String at = MergedPods.isShared(at(toleration, "value")) ? at(toleration, "operator") : at(toleration, "value");
                            out.add(pod, at, subject(toleration), "sets value '" + value + "' with operator Exists, which takes none");
                        }
                    }
                    default -> {
                        if (!Placeholders.holdsOne(operator)) {
                            String at = at(toleration, "operator");
                            out.add(pod, at, MergedPods.path(owner(at)), "operator '" + operator + "' is not Equal or Exists");
                        }
                    }
                }
                if (!effect.isEmpty() && !EFFECTS.contains(effect) && !Placeholders.holdsOne(effect)) {
                    String at = at(toleration, "effect");
                    out.add(pod, at, MergedPods.path(owner(at)), "effect '" + effect + "' is not NoSchedule, PreferNoSchedule or"
                            + " NoExecute");
                }
            }
        }

        void affinity() {
            JsonNode affinity = pod.spec().path("affinity");
            JsonNode node = affinity.path("nodeAffinity");
            JsonNode required = node.path("requiredDuringSchedulingIgnoredDuringExecution");
            if (required.isObject()) {
                JsonNode terms = required.path("nodeSelectorTerms");
                if (!terms.isArray() || terms.isEmpty()) {
                    String at = merged.writer(pod, "spec/affinity/nodeAffinity/requiredDuringSchedulingIgnoredDuringExecution");
                    out.add(pod, at, MergedPods.path(at), "has no nodeSelectorTerms: Kubernetes wants at least one");
                }
                for (JsonNode term : terms) {
                    nodeTerm(term, true);
                }
            }
            for (JsonNode preferred : node.path("preferredDuringSchedulingIgnoredDuringExecution")) {
                weight(preferred);
                // Kubernetes takes any value in a preferred term: it may match when the cluster has one node
                nodeTerm(preferred.path("preference"), false);
            }
            for (String kind : List.of("podAffinity", "podAntiAffinity")) {
                for (JsonNode term : affinity.path(kind).path("requiredDuringSchedulingIgnoredDuringExecution")) {
                    podTerm(term, term, "");
                }
                for (JsonNode preferred : affinity.path(kind).path("preferredDuringSchedulingIgnoredDuringExecution")) {
                    weight(preferred);
                    podTerm(preferred, preferred.path("podAffinityTerm"), "podAffinityTerm/");
                }
            }
        }

        void spread() {
            Map<String, JsonNode> seen = new HashMap<>();
            for (JsonNode constraint : pod.spec().path("topologySpreadConstraints")) {
                if (!constraint.isObject()) {
                    continue;
                }
                String subject = subject(constraint);
                JsonNode skew = constraint.get("maxSkew");
                if (skew == null || skew.isNull() || skew.isIntegralNumber() && skew.asLong() <= 0) {
                    out.add(pod, skew == null || skew.isNull() ? MergedPods.last(constraint) : at(constraint, "maxSkew"), subject,
                            (skew == null || skew.isNull() ? "has no maxSkew" : "has maxSkew " + skew.asText()) + ": it must be 1 or more");
                }
                String topology = text(constraint, "topologyKey");
                if (topology.isEmpty()) {
                    out.add(pod, MergedPods.last(constraint), subject, "has no topologyKey (such as topology.kubernetes.io/zone)");
                }
                String when = text(constraint, "whenUnsatisfiable");
                if (!SPREAD_ACTIONS.contains(when) && !Placeholders.holdsOne(when)) {
                    out.add(pod, when.isEmpty() ? MergedPods.last(constraint) : at(constraint, "whenUnsatisfiable"), subject,
                            (when.isEmpty() ? "has no whenUnsatisfiable" : "whenUnsatisfiable '" + when + "' is not") + " one of"
                                    + " DoNotSchedule, ScheduleAnyway");
                }
                JsonNode minDomains = constraint.get("minDomains");
                if (minDomains != null && minDomains.isIntegralNumber()) {
                    if (minDomains.asLong() <= 0) {
                        out.add(pod, at(constraint, "minDomains"), subject, "has minDomains " + minDomains.asText() + ": it must be 1"
                                + " or more");
                    } else if (SPREAD_ACTIONS.contains(when) && !when.equals("DoNotSchedule")) {
                        out.add(pod, at(constraint, "minDomains"), subject, "sets minDomains with whenUnsatisfiable " + when + ": only"
                                + " DoNotSchedule takes it");
                    }
                }
                JsonNode before = topology.isEmpty() ? null : seen.putIfAbsent(topology + "\n" + when, constraint);
                if (before != null) {
                    out.add(pod, at(constraint, "topologyKey"), subject, "spreads by " + topology + " with " + when + " as "
                            + subject(before) + " does (one constraint for each pair of the two)");
                }
                for (String policy : List.of("nodeAffinityPolicy", "nodeTaintsPolicy")) {
                    String value = text(constraint, policy);
                    if (!value.isEmpty() && !INCLUSION_POLICIES.contains(value) && !Placeholders.holdsOne(value)) {
                        out.add(pod, at(constraint, policy), subject, policy + " '" + value + "' is not Honor or Ignore");
                    }
                }
                matchLabelKeys(constraint, subject);
                selector(constraint, "labelSelector");
            }
        }

        /**
         * A spread constraint's matchLabelKeys: label keys, with a labelSelector, none of them a key the selector
         * already matches on.
         */
        private void matchLabelKeys(JsonNode constraint, String subject) {
            JsonNode keys = MergedPods.list(constraint.path("matchLabelKeys"));
            if (keys.isEmpty()) {
                return;
            }
            JsonNode selector = constraint.path("labelSelector");
            if (!selector.isObject()) {
                out.add(pod, at(constraint, "matchLabelKeys"), subject, "sets matchLabelKeys without a labelSelector");
                return;
            }
            Set<String> selected = new HashSet<>();
            selector.path("matchLabels").fieldNames().forEachRemaining(selected::add);
            for (JsonNode e : selector.path("matchExpressions")) {
                selected.add(text(e, "key"));
            }
            for (JsonNode key : keys) {
                String name = key.asText();
                if (!key.isTextual() || Placeholders.holdsOne(name)) {
                    continue;
                }
                if (!KubernetesNames.isQualifiedName(name)) {
                    out.add(pod, at(constraint, "matchLabelKeys"), subject, "matchLabelKeys '" + name + "' is not " + LABEL_KEY);
                } else if (selected.contains(name)) {
                    out.add(pod, at(constraint, "matchLabelKeys"), subject, "matchLabelKeys '" + name + "' is a key the labelSelector"
                            + " matches on already");
                }
            }
        }

        private void nodeTerm(JsonNode term, boolean labelValues) {
            requirements(term.path("matchExpressions"), NODE_OPERATORS, labelValues);
            for (JsonNode field : term.path("matchFields")) {
                if (!field.isObject()) {
                    continue;
                }
                String key = text(field, "key");
                if (!key.equals("metadata.name") && !Placeholders.holdsOne(key)) {
                    out.add(pod, at(field, "key"), subject(field), "matches field '" + key + "': metadata.name is the only field a"
                            + " node affinity can match");
                }
                String operator = text(field, "operator");
                if (!operator.equals("In") && !operator.equals("NotIn") && !Placeholders.holdsOne(operator)) {
                    out.add(pod, at(field, "operator"), subject(field), "operator '" + operator + "' is not In or NotIn, the only"
                            + " ones a field selector takes");
                } else if (field.path("values").size() != 1) {
                    out.add(pod, at(field, "values"), subject(field), "matches metadata.name with " + field.path("values").size()
                            + " values: a field selector takes exactly one");
                }
            }
        }

        /** A pod (anti-)affinity term: in {@code item} itself, or at {@code prefix} in it (a preferred item's podAffinityTerm). */
        private void podTerm(JsonNode item, JsonNode term, String prefix) {
            if (!item.isObject()) {
                return;
            }
            String topology = text(term, "topologyKey");
            if (topology.isEmpty()) {
                out.add(pod, MergedPods.last(item), subject(item), (prefix.isEmpty() ? "" : "podAffinityTerm ")
                        + "has no topologyKey (such as kubernetes.io/hostname)");
            } else if (!Placeholders.holdsOne(topology) && !KubernetesNames.isQualifiedName(topology)) {
                String at = at(item, prefix + "topologyKey");
                out.add(pod, at, MergedPods.path(owner(at)), "topologyKey '" + topology + "' is not " + LABEL_KEY);
            }
            selector(item, prefix + "labelSelector");
            selector(item, prefix + "namespaceSelector");
            JsonNode namespaces = term.path("namespaces");
            for (JsonNode namespace : namespaces.isArray() ? namespaces : List.<JsonNode>of()) {
                String name = namespace.asText();
                if (namespace.isTextual() && !Placeholders.holdsOne(name) && !PodSpecNames.isDnsLabel(name)) {
                    String at = at(item, prefix + "namespaces");
                    out.add(pod, at, MergedPods.path(at), "'" + name + "' is not a namespace name (a DNS label)");
                }
            }
        }

        /**
         * A label selector at {@code path} in a list item (a spread constraint's, a pod affinity term's): its matchLabels
         * as labels, its matchExpressions as requirements whose values are label values.
         */
        private void selector(JsonNode item, String path) {
            JsonNode selector = item.at("/" + path);
            if (!selector.isObject()) {
                return;
            }
            for (var e : selector.path("matchLabels").properties()) {
                String at = at(item, path + "/matchLabels/" + e.getKey().replace("~", "~0").replace("/", "~1"));
                String subject = MergedPods.path(at.substring(0, at.lastIndexOf('/')));
                if (!Placeholders.holdsOne(e.getKey()) && !KubernetesNames.isQualifiedName(e.getKey())) {
                    out.add(pod, at, subject, "key '" + e.getKey() + "' is not " + LABEL_KEY);
                }
                String value = e.getValue().isValueNode() && !e.getValue().isNull() ? e.getValue().asText() : "";
                if (!Placeholders.holdsOne(value) && !KubernetesNames.isLabelValue(value)) {
                    out.add(pod, at, subject, e.getKey() + ": '" + value + "' is not " + PodSpecNames.LABEL_VALUE);
                }
            }
            requirements(selector.path("matchExpressions"), LABEL_OPERATORS, true);
        }

        private void weight(JsonNode preferred) {
            if (!preferred.isObject()) {
                return;
            }
            JsonNode weight = preferred.get("weight");
            if (weight == null || weight.isNull()) {
                out.add(pod, MergedPods.last(preferred), subject(preferred), "has no weight (1-100)");
            } else if (weight.isIntegralNumber() && (weight.asLong() < 1 || weight.asLong() > 100)) {
                String at = at(preferred, "weight");
                out.add(pod, at, MergedPods.path(owner(at)), "weight " + weight.asText() + " is not between 1 and 100");
            }
        }

        /** Requirements of a selector; {@code labelValues}: whether Kubernetes reads their values as label values. */
        private void requirements(JsonNode list, List<String> operators, boolean labelValues) {
            for (JsonNode requirement : list) {
                if (!requirement.isObject()) {
                    continue;
                }
                String operator = text(requirement, "operator");
                int values = requirement.path("values").isArray() ? requirement.path("values").size() : 0;
                String subject = subject(requirement);
                switch (operator) {
                    case "In", "NotIn" -> {
                        if (values == 0) {
                            out.add(pod, MergedPods.last(requirement), subject, "has operator " + operator + " and no values: it"
                                    + " takes at least one");
                        }
                    }
                    case "Exists", "DoesNotExist" -> {
                        if (values > 0) {
                            out.add(pod, at(requirement, "values"), subject, "has operator " + operator + " and values: it takes"
                                    + " none");
                        }
                    }
                    default -> {
                        if (operators.contains(operator)) { // Gt, Lt
                            if (values != 1) {
                                out.add(pod, at(requirement, "values"), subject, "has operator " + operator + " and " + values
                                        + " values: it takes exactly one");
                            }
                        } else if (!Placeholders.holdsOne(operator)) {
                            String at = at(requirement, "operator");
                            out.add(pod, at, MergedPods.path(owner(at)), (operator.isEmpty() ? "has no operator"
                                    : "operator '" + operator + "' is not") + " one of " + String.join(", ", operators));
                        }
                    }
                }
                key(requirement, text(requirement, "key"), false);
                if (labelValues && requirement.path("values").isArray()) {
                    for (JsonNode value : requirement.path("values")) {
                        String v = value.asText();
                        if (value.isTextual() && !Placeholders.holdsOne(v) && !KubernetesNames.isLabelValue(v)) {
                            String at = at(requirement, "values");
                            out.add(pod, at, MergedPods.path(owner(at)), "value '" + v + "' is not " + PodSpecNames.LABEL_VALUE);
                        }
                    }
                }
            }
        }

        /** A key that must be a label key: a toleration's may be empty (it then tolerates every key), a requirement's not. */
        private void key(JsonNode item, String key, boolean mayBeEmpty) {
            if (key.isEmpty()) {
                if (!mayBeEmpty) {
                    out.add(pod, MergedPods.last(item), subject(item), "has no key");
                }
            } else if (!Placeholders.holdsOne(key) && !KubernetesNames.isQualifiedName(key)) {
                String at = at(item, "key");
                out.add(pod, at, MergedPods.path(owner(at)), "key '" + key + "' is not " + LABEL_KEY);
            }
        }

        private String at(JsonNode item, String field) {
            return merged.at(item, field);
        }
    }

    /** The written item that holds the field at a pointer {@link Judge#at} made: its owner, one level up. */
    private static String owner(String pointer) {
        String up = pointer.substring(0, pointer.lastIndexOf('/'));
        return up.endsWith("/podAffinityTerm") ? up.substring(0, up.lastIndexOf('/')) : up;
    }

    /** An item as written, and what the merge laid it over when it was made of two. */
    private static String subject(JsonNode item) {
        List<String> origins = MergedPods.origins(item);
        String last = MergedPods.last(item);
        return MergedPods.path(last) + (origins.size() > 1 ? " (merged over " + MergedPods.path(origins.get(0)) + ")" : "");
    }

}
