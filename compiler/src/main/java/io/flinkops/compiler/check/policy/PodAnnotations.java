package io.flinkops.compiler.check.policy;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The annotations Kubernetes reads as part of a pod (its ValidatePodSpecificAnnotations): a pod template or pod
 * that carries one of them with a value it cannot take is refused, whatever its spec.
 */
final class PodAnnotations {
    static final String SECCOMP_POD = "seccomp.security.alpha.kubernetes.io/pod";
    static final String SECCOMP_CONTAINER = "container.seccomp.security.alpha.kubernetes.io/";
    static final String APPARMOR_CONTAINER = "container.apparmor.security.beta.kubernetes.io/";
    static final String DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";
    static final String MIRROR = "kubernetes.io/config.mirror";
    private static final String LOCALHOST = "localhost/";
    /** ASCII digits, an optional '-', and no leading zero but in 0 itself (Java's parseInt also takes other digits). */
    private static final Pattern INT = Pattern.compile("0|-?[1-9][0-9]*|-0[0-9]*");

    private PodAnnotations() {}

    /**
     * What is wrong with one annotation of a pod, or null: {@code containers} are the names of the pod's containers
     * and init containers, {@code nodeName} whether the pod names its node.
     */
    static String problem(String key, String value, Set<String> containers, boolean nodeName) {
        if (key.equals(SECCOMP_POD) || key.startsWith(SECCOMP_CONTAINER)) {
            return seccomp(value);
        }
        if (key.startsWith(APPARMOR_CONTAINER)) {
            String container = key.substring(APPARMOR_CONTAINER.length());
            if (!containers.contains(container)) {
                return "names container '" + container + "', which the pod does not have (" + String.join(", ",
                        containers.stream().sorted().toList()) + ")";
            }
            if (!value.isEmpty() && !value.equals("runtime/default") && !value.equals("unconfined")
                    && !value.startsWith(LOCALHOST)) {
                return "is '" + value + "', not runtime/default, unconfined or localhost/<profile>";
            }
            return null;
        }
        if (key.equals(DELETION_COST) && !isInt32(value)) {
            return "is '" + value + "', not a 32-bit integer (no '+', no leading zeros)";
        }
        if (key.equals(MIRROR) && !nodeName) {
            return "marks a mirror pod, which only the kubelet makes (and only with spec.nodeName)";
        }
        return null;
    }

    private static String seccomp(String value) {
        if (value.equals("runtime/default") || value.equals("docker/default") || value.equals("unconfined")) {
            return null;
        }
        if (!value.startsWith(LOCALHOST)) {
            return "is '" + value + "', not runtime/default, docker/default, unconfined or localhost/<profile>";
        }
        return PodSpecNames.isLocalDescendingPath(value.substring(LOCALHOST.length())) ? null
                : "is '" + value + "', whose profile is not a relative path below the kubelet's seccomp folder (no leading '/', no '..')";
    }

    /** Go's strconv.ParseInt(value, 10, 32) after Kubernetes' refusal of a '+' and of leading zeros. */
    private static boolean isInt32(String value) {
        if (!INT.matcher(value).matches()) {
            return false;
        }
        try {
            Integer.parseInt(value);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
