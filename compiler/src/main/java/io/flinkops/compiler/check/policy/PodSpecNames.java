package io.flinkops.compiler.check.policy;

import java.util.regex.Pattern;

/** What Kubernetes takes in a pod's names and ports, for the rules that judge pod templates. */
final class PodSpecNames {
    /** The consequence every pod-template finding ends with. */
    static final String REFUSED = ": Kubernetes refuses the operator's pods and the job never starts";
    /** What a label key is, for messages. */
    static final String LABEL_KEY = "a label key: an optional DNS-subdomain prefix and '/', then at most 63 letters, digits, "
            + "'-', '_' or '.'";
    /** What a label value is, for messages. */
    static final String LABEL_VALUE = "a label value: at most 63 letters, digits, '-', '_' or '.', starting and ending with a "
            + "letter or digit";
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** IANA_SVC_NAME: at most 15 lower-case letters, digits and '-' inside, no "--", at least one letter. */
    private static final Pattern PORT_NAME = Pattern.compile("(?=.*[a-z])[a-z0-9]([-a-z0-9]{0,13}[a-z0-9])?");

    private PodSpecNames() {}

    /** A container's or volume's name: a DNS label (lower-case letters, digits and '-', at most 63). */
    static boolean isDnsLabel(String name) {
        return DNS_LABEL.matcher(name).matches();
    }

    /** A port's name, as a container declares it and a probe refers to it. */
    static boolean isPortName(String name) {
        return PORT_NAME.matcher(name).matches() && !name.contains("--");
    }

    static boolean isPortNumber(long port) {
        return port >= 1 && port <= 65535;
    }
}
