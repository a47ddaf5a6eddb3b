package io.flinkops.compiler.check.policy;

import static io.flinkops.compiler.check.policy.MergedPods.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.KubernetesNames;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@Rule(
        id = "pod-template-spec-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates' restart policy, DNS, host aliases, class names and deadlines are ones Kubernetes takes",
        rationale = "The CRD leaves a pod template's pod-level fields to Kubernetes and the operator does not read them, so "
                + "a FlinkDeployment is admitted whose pods Kubernetes refuses, and the job never starts. The JobManager "
                + "always runs as a Deployment (and the TaskManagers too in standalone mode), whose pods take restartPolicy "
                + "Always only and no activeDeadlineSeconds; Flink keeps a template's restartPolicy there (it only logs "
                + "that it overrides it), and sets Never itself on native TaskManager pods. Kubernetes also refuses an "
                + "activeDeadlineSeconds outside 1-2147483647; a dnsPolicy other than ClusterFirst, ClusterFirstWithHostNet, "
                + "Default or None (clusterFirst is refused), None without dnsConfig.nameservers (Flink sets "
                + "ClusterFirstWithHostNet itself with kubernetes.hostnetwork.enabled), more than 3 nameservers or one that "
                + "is not an IP address, more than 32 search domains or a search list over 2048 characters, a search domain "
                + "that is not a DNS name, a DNS option without a name; a hostname or subdomain that is not a DNS label; a "
                + "priorityClassName, runtimeClassName or nodeName that is not a DNS subdomain; a preemptionPolicy other "
                + "than PreemptLowerPriority or Never; a host alias without a valid IP or with a hostname that is not a DNS "
                + "subdomain; a readiness gate or scheduling gate that is not a qualified name, or two scheduling gates of "
                + "one name; ephemeral containers, which no pod takes on creation; an os.name other than linux or windows; "
                + "a restartPolicy on a regular container, or one other than Always on an init container; a resizePolicy on an "
                + "init container, or one whose resourceName is not cpu or memory (or is named twice), whose restartPolicy is not "
                + "NotRequired or RestartContainer, or is RestartContainer on native TaskManagers (Flink makes them "
                + "restartPolicy Never); a "
                + "terminationMessagePolicy other than File or FallbackToLogsOnError; and a spec.serviceAccount (or "
                + "kubernetes.jobmanager.service-account, kubernetes.taskmanager.service-account) that is not a DNS subdomain, "
                + "as Flink makes it the pods' serviceAccountName. Each pod is judged as the operator's "
                + "merge of the templates makes it, and each finding names the template that wrote the field.",
        remediation = "Leave restartPolicy and activeDeadlineSeconds out of the JobManager's template, write enumerations as "
                + "Kubernetes spells them (ClusterFirst, PreemptLowerPriority, FallbackToLogsOnError), give dnsPolicy None "
                + "up to three nameserver IPs, and mark only init containers that run beside Flink (sidecars) with "
                + "restartPolicy: Always.")
public final class PodTemplateSpecInvalid extends MergedPodRule {
    private static final Set<String> DNS_POLICIES = Set.of("ClusterFirst", "ClusterFirstWithHostNet", "Default", "None");
    private static final Set<String> PREEMPTION_POLICIES = Set.of("PreemptLowerPriority", "Never");
    private static final Set<String> TERMINATION_MESSAGE_POLICIES = Set.of("File", "FallbackToLogsOnError");
    private static final Set<String> OS_NAMES = Set.of("linux", "windows");
    private static final List<String> COMPONENT_ACCOUNTS = List.of("kubernetes.jobmanager.service-account",
            "kubernetes.taskmanager.service-account");
    private static final Set<String> RESIZE_RESOURCES = Set.of("cpu", "memory");
    private static final Set<String> RESIZE_RESTART_POLICIES = Set.of("NotRequired", "RestartContainer");
    private static final long MAX_INT32 = Integer.MAX_VALUE;
    private static final int MAX_NAMESERVERS = 3;
    private static final int MAX_SEARCHES = 32;
    private static final int MAX_SEARCH_CHARS = 2048;

    @Override
    void judge(MergedPods merged, Pod pod, PodFindings out) {
        boolean deployment = pod.component().equals("jobManager") || merged.standalone();
        Judge judge = new Judge(merged, pod, deployment, merged.hostNetwork(), out);
        judge.lifecycle();
        judge.dns();
        judge.names();
        judge.gates();
        judge.hostAliases();
        judge.containers();
    }

    @Override
    void checkTemplates(CheckTarget t, Reporter r) {
        serviceAccounts(t, r);
    }

    /**
     * The pods' serviceAccountName is Flink's to set, from spec.serviceAccount (the operator's
     * kubernetes.service-account) or a component's own key: Kubernetes takes a DNS subdomain only.
     */
    private static void serviceAccounts(CheckTarget t, Reporter r) {
        JsonNode account = t.spec().path("serviceAccount");
        if (account.isTextual() && !Placeholders.holdsOne(account.textValue()) && !KubernetesNames.isSubdomain(account.textValue())) {
            r.report("/spec/serviceAccount", "spec.serviceAccount '" + account.textValue() + "' is not a DNS subdomain (lower-case"
                    + " letters, digits, '-' and '.'), and Flink makes it the pods' serviceAccountName" + PodSpecNames.REFUSED);
        }
        FlinkConf conf = t.conf();
        for (String key : COMPONENT_ACCOUNTS) {
            conf.get(key).filter(v -> !v.isEmpty() && !Placeholders.holdsOne(v) && !KubernetesNames.isSubdomain(v)).ifPresent(v ->
                    r.report(conf.pointer(key, "/spec/flinkConfiguration"), "flinkConfiguration " + key + " '" + v + "' is not a DNS"
                            + " subdomain (lower-case letters, digits, '-' and '.'), and Flink makes it the pods' serviceAccountName"
                            + PodSpecNames.REFUSED));
        }
    }

    /** The judgement of one merged pod; {@code deployment}: whether its pods are a Deployment's. */
    private record Judge(MergedPods merged, Pod pod, boolean deployment, boolean hostNetwork, PodFindings out) {
        void lifecycle() {
            String restart = text(pod.spec(), "restartPolicy");
            if (deployment && !restart.isEmpty() && !restart.equals("Always") && !Placeholders.holdsOne(restart)) {
                field("restartPolicy", "is '" + restart + "', but the " + runsAs() + " take only Always", true);
            }
            JsonNode deadline = pod.spec().get("activeDeadlineSeconds");
            if (deadline != null && deadline.isNumber()) {
                if (deployment) {
                    field("activeDeadlineSeconds", "is set, but the " + runsAs() + " may not have one", true);
                } else if (!deadline.canConvertToLong() || deadline.asLong() < 1 || deadline.asLong() > MAX_INT32) {
                    field("activeDeadlineSeconds", "is " + deadline.asText() + ", not between 1 and " + MAX_INT32);
                }
            }
            if (MergedPods.list(pod.spec().path("ephemeralContainers")).size() > 0) {
                field("ephemeralContainers", "is set, but a pod takes ephemeral containers only once it runs (kubectl debug)");
            }
            String os = text(pod.spec().path("os"), "name");
            if (!os.isEmpty() && !OS_NAMES.contains(os) && !Placeholders.holdsOne(os)) {
                field("os/name", "is '" + os + "', not linux or windows");
            }
        }

        /** "JobManager runs as a Deployment, whose pods" or the TaskManagers' equivalent. */
        private String runsAs() {
            return pod.component().equals("jobManager") ? "JobManager runs as a Deployment, whose pods"
                    : "TaskManagers run as a Deployment in standalone mode, whose pods";
        }

        void dns() {
            JsonNode config = pod.spec().path("dnsConfig");
            String policy = text(pod.spec(), "dnsPolicy");
            if (!hostNetwork && !policy.isEmpty() && !Placeholders.holdsOne(policy)) {
                if (!DNS_POLICIES.contains(policy)) {
                    field("dnsPolicy", "is '" + policy + "', not one of ClusterFirst, ClusterFirstWithHostNet, Default, None");
                } else if (policy.equals("None") && MergedPods.list(config.path("nameservers")).size() == 0) {
                    field("dnsPolicy", "is None without dnsConfig.nameservers: the pods would have no DNS server");
                }
            }
            JsonNode nameservers = MergedPods.list(config.path("nameservers"));
            if (nameservers.size() > MAX_NAMESERVERS) {
                field("dnsConfig/nameservers", "lists " + nameservers.size() + " nameservers, more than " + MAX_NAMESERVERS);
            }
            for (int i = 0; i < nameservers.size(); i++) {
                String ns = nameservers.get(i).asText();
                if (nameservers.get(i).isTextual() && !Placeholders.holdsOne(ns) && !PodSpecNames.isIp(ns)) {
                    listItem("dnsConfig/nameservers", i, "'" + ns + "' is not an IP address");
                }
            }
            JsonNode searches = MergedPods.list(config.path("searches"));
            if (searches.size() > MAX_SEARCHES) {
                field("dnsConfig/searches", "lists " + searches.size() + " search domains, more than " + MAX_SEARCHES);
            }
            int chars = Math.max(0, searches.size() - 1);
            for (int i = 0; i < searches.size(); i++) {
                String search = searches.get(i).asText();
                chars += search.length();
                if (searches.get(i).isTextual() && !Placeholders.holdsOne(search) && !PodSpecNames.isSearchDomain(search)) {
                    listItem("dnsConfig/searches", i, "'" + search + "' is not a DNS name");
                }
            }
            if (chars > MAX_SEARCH_CHARS) {
                field("dnsConfig/searches", "has " + chars + " characters (with the spaces between), more than " + MAX_SEARCH_CHARS);
            }
            for (JsonNode option : config.path("options")) {
                if (option.isObject() && text(option, "name").isEmpty()) {
                    out.add(pod, MergedPods.last(option), MergedPods.path(MergedPods.last(option)), "has no name");
                }
            }
        }

        void names() {
            for (String name : List.of("hostname", "subdomain")) {
                String value = text(pod.spec(), name);
                if (!value.isEmpty() && !Placeholders.holdsOne(value) && !PodSpecNames.isDnsLabel(value)) {
                    field(name, "'" + value + "' is not a DNS label (lower-case letters, digits and '-', at most 63)");
                }
            }
            for (String name : List.of("priorityClassName", "runtimeClassName", "nodeName")) {
                String value = text(pod.spec(), name);
                if (!value.isEmpty() && !Placeholders.holdsOne(value) && !KubernetesNames.isSubdomain(value)) {
                    field(name, "'" + value + "' is not a DNS subdomain (lower-case letters, digits, '-' and '.')");
                }
            }
            String preemption = text(pod.spec(), "preemptionPolicy");
            if (!preemption.isEmpty() && !PREEMPTION_POLICIES.contains(preemption) && !Placeholders.holdsOne(preemption)) {
                field("preemptionPolicy", "is '" + preemption + "', not PreemptLowerPriority or Never");
            }
        }

        void gates() {
            for (JsonNode gate : pod.spec().path("readinessGates")) {
                String condition = text(gate, "conditionType");
                if (gate.isObject() && !Placeholders.holdsOne(condition) && !KubernetesNames.isQualifiedName(condition)) {
                    String at = merged.at(gate, "conditionType");
                    out.add(pod, at, MergedPods.path(MergedPods.last(gate)), "conditionType '" + condition + "' is not a qualified"
                            + " name (" + PodSpecNames.LABEL_KEY.substring("a label key: ".length()) + ")");
                }
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode gate : pod.spec().path("schedulingGates")) {
                String name = text(gate, "name");
                if (!gate.isObject() || Placeholders.holdsOne(name)) {
                    continue;
                }
                String subject = MergedPods.path(MergedPods.last(gate));
                if (!KubernetesNames.isQualifiedName(name)) {
                    out.add(pod, merged.at(gate, "name"), subject, "name '" + name + "' is not a qualified name");
                } else if (!seen.add(name)) {
                    out.add(pod, merged.at(gate, "name"), subject, "repeats scheduling gate '" + name + "'");
                }
            }
        }

        void hostAliases() {
            for (JsonNode alias : pod.spec().path("hostAliases")) {
                if (!alias.isObject()) {
                    continue;
                }
                String subject = MergedPods.path(MergedPods.last(alias));
                String ip = text(alias, "ip");
                if (!Placeholders.holdsOne(ip) && !PodSpecNames.isIp(ip)) {
                    out.add(pod, ip.isEmpty() ? MergedPods.last(alias) : merged.at(alias, "ip"), subject,
                            ip.isEmpty() ? "has no ip" : "ip '" + ip + "' is not an IP address");
                }
                for (JsonNode hostname : alias.path("hostnames")) {
                    String name = hostname.asText();
                    if (hostname.isTextual() && !Placeholders.holdsOne(name) && !KubernetesNames.isSubdomain(name)) {
                        out.add(pod, merged.at(alias, "hostnames"), subject, "hostname '" + name + "' is not a DNS subdomain");
                    }
                }
            }
        }

        void containers() {
            for (Item c : pod.containers()) {
                JsonNode node = c.node();
                String restart = text(node, "restartPolicy");
                if (!restart.isEmpty() && !Placeholders.holdsOne(restart)) {
                    if (c.list().equals("containers")) {
                        container(node, "restartPolicy", "sets restartPolicy, which only init containers take (restartPolicy:"
                                + " Always makes one a sidecar)");
                    } else if (!restart.equals("Always")) {
                        container(node, "restartPolicy", "has restartPolicy '" + restart + "'; an init container takes only Always");
                    }
                }
                resizePolicy(c);
                String message = text(node, "terminationMessagePolicy");
                if (!message.isEmpty() && !TERMINATION_MESSAGE_POLICIES.contains(message) && !Placeholders.holdsOne(message)) {
                    container(node, "terminationMessagePolicy", "has terminationMessagePolicy '" + message
                            + "', not File or FallbackToLogsOnError");
                }
            }
        }

        /**
         * A container's resizePolicy (in-place resizing): one entry per resource, cpu or memory, each NotRequired or
         * RestartContainer, and only NotRequired in pods that restart no container (native TaskManagers: Flink sets
         * restartPolicy Never); init containers take none.
         */
        private void resizePolicy(Item c) {
            JsonNode policies = MergedPods.list(c.node().path("resizePolicy"));
            if (policies.isEmpty()) {
                return;
            }
            if (c.list().equals("initContainers")) {
                container(c.node(), "resizePolicy", "sets resizePolicy, which init containers may not have");
                return;
            }
            Set<String> seen = new HashSet<>();
            for (JsonNode policy : policies) {
                if (!policy.isObject()) {
                    continue;
                }
                String subject = MergedPods.where(MergedPods.last(policy));
                String resource = text(policy, "resourceName");
                String restart = text(policy, "restartPolicy");
                if (!Placeholders.holdsOne(resource)) {
                    if (!RESIZE_RESOURCES.contains(resource)) {
                        out.add(pod, at(policy, "resourceName"), subject, resource.isEmpty() ? "has no resourceName (cpu or memory)"
                                : "resourceName '" + resource + "' is not cpu or memory");
                    } else if (!seen.add(resource)) {
                        out.add(pod, at(policy, "resourceName"), subject, "names " + resource + " a second time");
                    }
                }
                if (Placeholders.holdsOne(restart)) {
                    continue;
                }
                if (!RESIZE_RESTART_POLICIES.contains(restart)) {
                    out.add(pod, at(policy, "restartPolicy"), subject, restart.isEmpty() ? "has no restartPolicy (NotRequired or"
                            + " RestartContainer)" : "restartPolicy '" + restart + "' is not NotRequired or RestartContainer");
                } else if (!deployment && !restart.equals("NotRequired")) {
                    out.add(pod, at(policy, "restartPolicy"), subject, "restartPolicy is " + restart + ", but Flink gives the "
                            + pod.label() + " restartPolicy Never, which takes only NotRequired", true);
                }
            }
        }

        /** The pointer of a field of a merged item, or of the item when it has no such field. */
        private String at(JsonNode item, String field) {
            return item.hasNonNull(field) ? merged.at(item, field) : MergedPods.last(item);
        }

        /** A finding on a field of a merged container, at the template that wrote it. */
        private void container(JsonNode node, String field, String predicate) {
            String writer = merged.writer(node, field);
            out.add(pod, writer + "/" + field, MergedPods.where(writer, text(node, "name")), predicate);
        }

        /** A finding on a pod-level field ({@code path} below the pod's spec), named at the template that set it. */
        private void field(String path, String predicate) {
            field(path, predicate, false);
        }

        /** As {@link #field(String, String)}; {@code namesPod}: the predicate names the pod itself. */
        private void field(String path, String predicate, boolean namesPod) {
            String at = merged.writer(pod, "spec/" + path);
            out.add(pod, at, MergedPods.path(at), predicate, namesPod);
        }

        /** A finding on item {@code i} of a list of texts, at the template that wrote it. */
        private void listItem(String list, int i, String predicate) {
            String at = merged.writerOfItem(pod, list, i);
            out.add(pod, at, MergedPods.path(at.substring(0, at.lastIndexOf('/'))) + "[" + i + "]", predicate);
        }
    }
}
