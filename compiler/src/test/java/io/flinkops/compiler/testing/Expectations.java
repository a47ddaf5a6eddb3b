package io.flinkops.compiler.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expectations written inside test YAML: a {@code # expect: rule-id} comment line marks the next
 * non-comment line as where that rule must report (error-prone's "// BUG: Diagnostic contains").
 */
public final class Expectations {
    private static final Pattern EXPECT = Pattern.compile("^\\s*#\\s*expect:\\s*([a-z0-9-]+(\\s*,\\s*[a-z0-9-]+)*)\\s*$");

    private Expectations() {}

    /** (rule, line) pairs as "rule@line" strings, sorted. */
    public static TreeSet<String> of(String yaml) {
        TreeSet<String> out = new TreeSet<>();
        List<String> pending = new ArrayList<>();
        String[] lines = yaml.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher m = EXPECT.matcher(lines[i]);
            if (m.matches()) {
                for (String id : m.group(1).split("\\s*,\\s*")) {
                    pending.add(id);
                }
                continue;
            }
            if (lines[i].trim().startsWith("#") || lines[i].isBlank()) {
                continue;
            }
            for (String id : pending) {
                out.add(id + "@" + (i + 1));
            }
            pending.clear();
        }
        return out;
    }
}
