package io.flinkops.compiler.yaml;

import java.util.ArrayList;
import java.util.List;

/** RFC 6901 JSON pointers: building, splitting and walking up. */
public final class Pointers {
    private Pointers() {}

    public static String child(String parent, String name) {
        return parent + "/" + name.replace("~", "~0").replace("/", "~1");
    }

    public static String child(String parent, int index) {
        return parent + "/" + index;
    }

    public static String of(String... names) {
        String p = "";
        for (String n : names) {
            p = child(p, n);
        }
        return p;
    }

    public static String parent(String pointer) {
        int i = pointer.lastIndexOf('/');
        return i <= 0 ? "" : pointer.substring(0, i);
    }

    public static List<String> split(String pointer) {
        List<String> out = new ArrayList<>();
        if (pointer.isEmpty()) {
            return out;
        }
        for (String part : pointer.substring(1).split("/", -1)) {
            out.add(part.replace("~1", "/").replace("~0", "~"));
        }
        return out;
    }

    /** A readable dotted path for messages: {@code spec.job.args[0]}. */
    public static String dotted(String pointer) {
        StringBuilder sb = new StringBuilder();
        for (String part : split(pointer)) {
            if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                sb.append('[').append(part).append(']');
            } else {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(part);
            }
        }
        return sb.length() == 0 ? "(document)" : sb.toString();
    }
}
