package io.flinkops.compiler.check.policy;

import static io.flinkops.compiler.check.policy.MergedPods.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.Placeholders;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.policy.MergedPods.Item;
import io.flinkops.compiler.check.policy.MergedPods.Pod;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

@Rule(
        id = "pod-template-security-context-invalid",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "Pod templates' security contexts are ones Kubernetes takes",
        rationale = "The CRD leaves a pod template's securityContext fields to Kubernetes and the operator does not read "
                + "them, so a FlinkDeployment is admitted whose pods Kubernetes refuses, and the job never starts: a "
                + "runAsUser, runAsGroup, fsGroup or supplemental group outside 0-2147483647; a container with "
                + "allowPrivilegeEscalation: false that is privileged or adds CAP_SYS_ADMIN; a procMount other than Default "
                + "or Unmasked, or Unmasked without hostUsers: false; a seccompProfile or appArmorProfile whose type is "
                + "not Localhost, RuntimeDefault or Unconfined (runtime/default is the old annotation's spelling), Localhost "
                + "without a localhostProfile, a localhostProfile with another type, or a seccomp localhostProfile that is "
                + "absolute or climbs out with '..'; an fsGroupChangePolicy other than OnRootMismatch or Always, a "
                + "seLinuxChangePolicy other than Recursive or MountOption, a supplementalGroupsPolicy other than Merge or "
                + "Strict; shareProcessNamespace with hostPID; hostUsers: false with hostPID, hostIPC or the host network; "
                + "in a pod whose os.name is windows, the Linux-only settings (seccomp, SELinux and AppArmor profiles, user, "
                + "group and fsGroup ids, sysctls, capabilities, privileged, readOnlyRootFilesystem, procMount, host "
                + "namespaces), and windowsOptions in one whose os.name is linux; "
                + "and a sysctl without a name, with a name that is not one, "
                + "named twice, or of the network namespace on the host network (kubernetes.hostnetwork.enabled) or of the "
                + "IPC namespace with hostIPC. Each pod is judged as the operator's merge of the templates makes it, key "
                + "into key: a component's privileged: true laid over a shared allowPrivilegeEscalation: false makes a "
                + "container Kubernetes refuses.",
        remediation = "Keep user and group ids between 0 and 2147483647 (Flink's image runs as 9999), drop "
                + "allowPrivilegeEscalation: false from a container that must be privileged, and write profile types and "
                + "policies as Kubernetes spells them (RuntimeDefault, OnRootMismatch).")
public final class PodTemplateSecurityContextInvalid extends MergedPodRule {
    private static final long MAX_ID = Integer.MAX_VALUE;
    private static final Set<String> PROFILE_TYPES = Set.of("Localhost", "RuntimeDefault", "Unconfined");
    private static final Set<String> PROC_MOUNTS = Set.of("Default", "Unmasked");
    private static final Set<String> FS_GROUP_CHANGE_POLICIES = Set.of("OnRootMismatch", "Always");
    private static final Set<String> SELINUX_CHANGE_POLICIES = Set.of("Recursive", "MountOption");
    private static final Set<String> SUPPLEMENTAL_GROUPS_POLICIES = Set.of("Merge", "Strict");
    private static final Pattern SYSCTL = Pattern.compile(
            "([a-z0-9]([-_a-z0-9]*[a-z0-9])?[./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?");
    private static final int MAX_SYSCTL = 253;
    /** What validateWindows refuses in a pod whose os.name is windows: Linux-only settings, below the pod's spec. */
    private static final List<String> WINDOWS_FORBIDDEN_POD = List.of("securityContext/appArmorProfile",
            "securityContext/seLinuxOptions", "hostUsers", "hostPID", "hostIPC", "securityContext/seccompProfile",
            "securityContext/fsGroup", "securityContext/fsGroupChangePolicy", "securityContext/sysctls", "shareProcessNamespace",
            "securityContext/runAsUser", "securityContext/runAsGroup", "securityContext/supplementalGroups",
            "securityContext/supplementalGroupsPolicy");
    private static final String LINUX_ONLY = "is set in a pod whose os.name is windows; Kubernetes takes it on Linux pods only";
    /** Host namespaces a Windows pod may name only as false (Kubernetes reads false as unset). */
    private static final Set<String> HOST_NAMESPACES = Set.of("hostPID", "hostIPC");
    /** The same in a container's security context. */
    private static final List<String> WINDOWS_FORBIDDEN_CONTAINER = List.of("appArmorProfile", "seLinuxOptions", "seccompProfile",
            "capabilities", "readOnlyRootFilesystem", "privileged", "allowPrivilegeEscalation", "procMount", "runAsUser",
            "runAsGroup");
    private static final List<String> IPC_SYSCTLS = List.of("kernel.shm", "kernel.msg", "kernel.sem", "fs.mqueue.");

    @Override
    void judge(MergedPods merged, Pod pod, PodFindings out) {
        Judge judge = new Judge(merged, pod, out);
        judge.pod(merged.hostNetwork(pod));
        for (Item c : pod.containers()) {
            judge.container(c.node());
        }
    }

    private record Judge(MergedPods merged, Pod pod, PodFindings out) {
        /** The pod's os.name, which forbids the other system's security fields. */
        String os() {
            return text(pod.spec().path("os"), "name");
        }

        void pod(boolean hostNetwork) {
            hostUsers(hostNetwork);
            if (os().equals("windows")) {
                for (String field : WINDOWS_FORBIDDEN_POD) {
                    JsonNode value = pod.spec().at("/" + field);
                    if (MergedPods.isSet(value) && !(value.isBoolean() && !value.booleanValue() && HOST_NAMESPACES.contains(field))
                            && !(value.isArray() && value.isEmpty() && field.endsWith("sysctls"))) {
                        String at = merged.writer(pod, "spec/" + field);
                        out.add(pod, at, MergedPods.path(at), LINUX_ONLY);
                    }
                }
            } else if (os().equals("linux") && MergedPods.isSet(pod.spec().path("securityContext").path("windowsOptions"))) {
                String at = merged.writer(pod, "spec/securityContext/windowsOptions");
                out.add(pod, at, MergedPods.path(at), "is set in a pod whose os.name is linux");
            }
            // pod-level fields, judged with or without a security context
            JsonNode sharedProcess = pod.spec().path("shareProcessNamespace");
            if (sharedProcess.asBoolean(false) && pod.spec().path("hostPID").asBoolean(false)) {
                String at = merged.writer(pod, "spec/shareProcessNamespace");
                out.add(pod, at, MergedPods.path(at), "is true with hostPID: a pod shares its process namespace or the host's,"
                        + " not both");
            }
            JsonNode context = pod.spec().path("securityContext");
            if (!context.isObject()) {
                return;
            }
            Where where = new Where() {
                @Override
                public String at(String field) {
                    return merged.writer(pod, "spec/securityContext/" + field);
                }

                @Override
                public String subject(String at) {
                    return MergedPods.path(at);
                }
            };
            for (String id : List.of("runAsUser", "runAsGroup", "fsGroup")) {
                id(context, id, where);
            }
            JsonNode groups = MergedPods.list(context.path("supplementalGroups"));
            for (int i = 0; i < groups.size(); i++) {
                if (groups.get(i).isNumber() && !isId(groups.get(i))) {
                    String at = merged.writerOfItem(pod, "securityContext/supplementalGroups", i);
                    out.add(pod, at, MergedPods.path(at.substring(0, at.lastIndexOf('/'))) + "[" + i + "]", "is " + groups.get(i).asText()
                            + ", not between 0 and " + MAX_ID);
                }
            }
            enumeration(context, "fsGroupChangePolicy", FS_GROUP_CHANGE_POLICIES, where);
            enumeration(context, "seLinuxChangePolicy", SELINUX_CHANGE_POLICIES, where);
            enumeration(context, "supplementalGroupsPolicy", SUPPLEMENTAL_GROUPS_POLICIES, where);
            profile(context, "seccompProfile", where);
            profile(context, "appArmorProfile", where);
            sysctls(context.path("sysctls"), hostNetwork, pod.spec().path("hostIPC").asBoolean(false));
        }

        /** A pod in a user namespace of its own (hostUsers: false) shares no namespace with the host. */
        private void hostUsers(boolean hostNetwork) {
            JsonNode hostUsers = pod.spec().path("hostUsers");
            if (!hostUsers.isBoolean() || hostUsers.booleanValue()) {
                return;
            }
            String at = merged.writer(pod, "spec/hostUsers");
            if (hostNetwork) {
                out.add(pod, at, MergedPods.path(at), "is false on the host network" + (merged.hostNetwork()
                        ? " (kubernetes.hostnetwork.enabled)" : "") + ": a pod in its own user namespace shares no namespace with the host");
            }
            for (String shared : List.of("hostPID", "hostIPC")) {
                if (pod.spec().path(shared).asBoolean(false)) {
                    out.add(pod, at, MergedPods.path(at), "is false with " + shared + ": a pod in its own user namespace shares no"
                            + " namespace with the host");
                }
            }
        }

        void container(JsonNode node) {
            JsonNode context = node.path("securityContext");
            if (!context.isObject()) {
                return;
            }
            String name = text(node, "name");
            Where where = new Where() {
                @Override
                public String at(String field) {
                    return merged.writer(node, "securityContext/" + field) + "/securityContext/" + field;
                }

                @Override
                public String subject(String at) {
                    return MergedPods.where(at.substring(0, at.indexOf("/securityContext/")), name) + " "
                            + at.substring(at.indexOf("/securityContext/") + 1).replace('/', '.');
                }
            };
            if (os().equals("windows")) {
                for (String field : WINDOWS_FORBIDDEN_CONTAINER) {
                    if (MergedPods.isSet(context.path(field))) {
                        String at = where.at(field);
                        out.add(pod, at, where.subject(at), LINUX_ONLY);
                    }
                }
            } else if (os().equals("linux") && MergedPods.isSet(context.path("windowsOptions"))) {
                String at = where.at("windowsOptions");
                out.add(pod, at, where.subject(at), "is set in a pod whose os.name is linux");
            }
            id(context, "runAsUser", where);
            id(context, "runAsGroup", where);
            if (context.path("allowPrivilegeEscalation").isBoolean() && !context.path("allowPrivilegeEscalation").booleanValue()) {
                String escalation = where.at("allowPrivilegeEscalation");
                if (context.path("privileged").asBoolean(false)) {
                    blameLaidLast(where, escalation, where.at("privileged"), "privileged: true");
                }
                for (JsonNode capability : context.path("capabilities").path("add")) {
                    if ("CAP_SYS_ADMIN".equals(capability.asText())) {
                        blameLaidLast(where, escalation, where.at("capabilities/add"), "capabilities.add CAP_SYS_ADMIN");
                    }
                }
            }
            enumeration(context, "procMount", PROC_MOUNTS, where);
            boolean ownUsers = pod.spec().path("hostUsers").isBoolean() && !pod.spec().path("hostUsers").booleanValue();
            if (text(context, "procMount").equals("Unmasked") && !ownUsers) {
                String at = where.at("procMount");
                out.add(pod, at, where.subject(at), "is Unmasked in a pod that does not set hostUsers: false");
            }
            profile(context, "seccompProfile", where);
            profile(context, "appArmorProfile", where);
        }

        /**
         * allowPrivilegeEscalation: false beside what it cannot go with: the finding is at whichever of the two a
         * component's template laid over the shared one, as that is the merge's doing, else at the escalation.
         */
        private void blameLaidLast(Where where, String escalation, String other, String what) {
            String at = MergedPods.isShared(escalation) && !MergedPods.isShared(other) ? other : escalation;
            out.add(pod, at, where.subject(at), "is " + (at.equals(escalation) ? "false with " + what
                    : "set with allowPrivilegeEscalation: false from " + where.subject(escalation))
                    + "; Kubernetes takes neither together");
        }

        private void id(JsonNode context, String field, Where where) {
            JsonNode id = context.path(field);
            if (id.isNumber() && !isId(id)) {
                String at = where.at(field);
                out.add(pod, at, where.subject(at), "is " + id.asText() + ", not between 0 and " + MAX_ID);
            }
        }

        private void enumeration(JsonNode context, String field, Set<String> values, Where where) {
            String value = text(context, field);
            if (!value.isEmpty() && !values.contains(value) && !Placeholders.holdsOne(value)) {
                String at = where.at(field);
                out.add(pod, at, where.subject(at), "is '" + value + "', not one of " + String.join(", ", values.stream().sorted().toList()));
            }
        }

        private void profile(JsonNode context, String field, Where where) {
            JsonNode profile = context.path(field);
            if (!profile.isObject()) {
                return;
            }
            String type = text(profile, "type");
            boolean localhost = profile.hasNonNull("localhostProfile");
            if (Placeholders.holdsOne(type)) {
                return;
            }
            if (type.isEmpty()) {
                String at = where.at(field);
                out.add(pod, at, where.subject(at), "has no type (Localhost, RuntimeDefault or Unconfined)");
            } else if (!PROFILE_TYPES.contains(type)) {
                String at = where.at(field + "/type");
                out.add(pod, at, where.subject(at), "is '" + type + "', not Localhost, RuntimeDefault or Unconfined");
            } else if (type.equals("Localhost") && !localhost) {
                String at = where.at(field + "/type");
                out.add(pod, at, where.subject(at), "is Localhost without a localhostProfile");
            } else if (!type.equals("Localhost") && localhost) {
                String at = where.at(field + "/localhostProfile");
                out.add(pod, at, where.subject(at), "is set with type " + type + "; only Localhost takes one");
            } else if (field.equals("seccompProfile") && localhost) {
                String path = text(profile, "localhostProfile");
                if (!Placeholders.holdsOne(path) && !PodSpecNames.isLocalDescendingPath(path)) {
                    String at = where.at(field + "/localhostProfile");
                    out.add(pod, at, where.subject(at), "'" + path + "' is not a relative path below the kubelet's seccomp"
                            + " folder (no leading '/', no '..')");
                }
            }
        }

        private void sysctls(JsonNode sysctls, boolean hostNetwork, boolean hostIPC) {
            Set<String> seen = new HashSet<>();
            for (JsonNode sysctl : sysctls) {
                if (!sysctl.isObject()) {
                    continue;
                }
                String subject = MergedPods.path(MergedPods.last(sysctl));
                String name = text(sysctl, "name");
                if (Placeholders.holdsOne(name)) {
                    continue;
                }
                String at = name.isEmpty() ? MergedPods.last(sysctl) : merged.at(sysctl, "name");
                if (name.isEmpty()) {
                    out.add(pod, at, subject, "has no name");
                } else if (name.length() > MAX_SYSCTL || !SYSCTL.matcher(name).matches()) {
                    out.add(pod, at, subject, "name '" + name + "' is not a sysctl name");
                } else if (!seen.add(name)) {
                    out.add(pod, at, subject, "sets sysctl " + name + " a second time");
                }
                String dotted = name.replace('/', '.');
                if (hostNetwork && dotted.startsWith("net.")) {
                    out.add(pod, at, subject, "sets " + name + ", of the network namespace, on the host network"
                            + " (kubernetes.hostnetwork.enabled)");
                } else if (hostIPC && IPC_SYSCTLS.stream().anyMatch(dotted::startsWith)) {
                    out.add(pod, at, subject, "sets " + name + ", of the IPC namespace, with hostIPC");
                }
            }
        }
    }

    /** Where a field of a security context was written, and how a message names it. */
    private interface Where {
        /** The pointer of {@code field} (below the security context) in the template that set it. */
        String at(String field);

        String subject(String at);
    }


    private static boolean isId(JsonNode id) {
        return id.canConvertToLong() && id.asLong() >= 0 && id.asLong() <= MAX_ID;
    }

}
