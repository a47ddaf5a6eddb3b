package io.flinkops.compiler.check;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The API server's tests of names, label keys and label values, for the rules that judge objects and pod templates. */
public final class KubernetesNames {
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
    /** Keys seen valid: every object carries the same dozen label and annotation keys. Bounded, as keys come from users. */
    private static final Set<String> VALID_KEYS = ConcurrentHashMap.newKeySet();
    private static final int MAX_REMEMBERED_KEYS = 4096;

    private KubernetesNames() {}

    /** A DNS subdomain of at most 253 characters: an object's name, a label key's prefix. */
    public static boolean isSubdomain(String name) {
        return name.length() <= 253 && SUBDOMAIN.matcher(name).matches();
    }

    /** A qualified name: a label key, an annotation key (in lower case), a finalizer: [prefix/]name. */
    public static boolean isQualifiedName(String key) {
        if (VALID_KEYS.contains(key)) {
            return true;
        }
        boolean valid = checkQualifiedName(key);
        if (valid && VALID_KEYS.size() < MAX_REMEMBERED_KEYS) {
            VALID_KEYS.add(key);
        }
        return valid;
    }

    /** A label value: empty, or at most 63 letters, digits, '-', '_' and '.', starting and ending alphanumeric. */
    public static boolean isLabelValue(String value) {
        return value.isEmpty() || value.length() <= 63 && LABEL_NAME.matcher(value).matches();
    }

    private static boolean checkQualifiedName(String key) {
        String name = key;
        int slash = key.indexOf('/');
        if (slash >= 0) {
            String prefix = key.substring(0, slash);
            name = key.substring(slash + 1);
            if (prefix.isEmpty() || !isSubdomain(prefix)) {
                return false;
            }
        }
        return !name.isEmpty() && name.length() <= 63 && LABEL_NAME.matcher(name).matches();
    }
}
