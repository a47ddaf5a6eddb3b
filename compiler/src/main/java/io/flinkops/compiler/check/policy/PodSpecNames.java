package io.flinkops.compiler.check.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
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

    /** A DNS search domain as Kubernetes 1.33 and later take it (RelaxedDNSSearchValidation): '_' allowed. */
    private static final Pattern SEARCH_DOMAIN =
            Pattern.compile("[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?(\\.[a-z0-9_]([-a-z0-9_]*[a-z0-9_])?)*");
    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    private static final Pattern IPV6_CHARS = Pattern.compile("[0-9A-Fa-f:.]+");

    private PodSpecNames() {}

    /**
     * An IP address as Kubernetes reads one (Go's sloppy parser): four decimal octets of 0-255, leading zeros taken,
     * or an IPv6 address.
     */
    static boolean isIp(String value) {
        Matcher v4 = IPV4.matcher(value);
        if (v4.matches()) {
            for (int i = 1; i <= 4; i++) {
                if (Integer.parseInt(v4.group(i)) > 255) {
                    return false;
                }
            }
            return true;
        }
        if (!value.contains(":") || !IPV6_CHARS.matcher(value).matches()) {
            return false;
        }
        try {
            // in brackets a literal is parsed as IPv6 and refused if it is not one, never looked up
            return InetAddress.getByName("[" + value + "]") != null;
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** A path Kubernetes takes below a folder of its own (validateLocalDescendingPath): relative, no '..' segment. */
    static boolean isLocalDescendingPath(String path) {
        return !path.startsWith("/") && !List.of(path.split("/")).contains("..");
    }

    /** A domain of a pod's dnsConfig.searches: a DNS subdomain (with '_'), a trailing '.' dropped; "." itself is one. */
    static boolean isSearchDomain(String search) {
        String name = search.equals(".") ? search : search.endsWith(".") ? search.substring(0, search.length() - 1) : search;
        return name.equals(".") || name.length() <= 253 && SEARCH_DOMAIN.matcher(name).matches();
    }

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
