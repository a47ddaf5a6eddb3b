package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.model.GroupKind;
import java.util.regex.Pattern;

/**
 * Whether an Argo CD AppProject lets its Applications sync a kind, as Argo CD decides it (AppProject.IsGroupKindPermitted):
 * a namespaced kind when the project has no namespaceResourceWhitelist or lists it there, a cluster-scoped kind only
 * when clusterResourceWhitelist lists it, and neither when the matching blacklist does. Entries match as shell globs
 * (Go's filepath.Match), so {@code {group: '*', kind: '*'}} lets everything through.
 */
final class ProjectPermissions {
    private ProjectPermissions() {}

    static boolean permits(JsonNode project, GroupKind kind) {
        JsonNode spec = project.path("spec");
        boolean white;
        boolean black;
        if (kind.clusterScoped()) {
            white = listed(spec.path("clusterResourceWhitelist"), kind);
            black = listed(spec.path("clusterResourceBlacklist"), kind);
        } else {
            JsonNode whitelist = spec.path("namespaceResourceWhitelist");
            white = whitelist.isMissingNode() || whitelist.isNull() || listed(whitelist, kind);
            black = listed(spec.path("namespaceResourceBlacklist"), kind);
        }
        return white && !black;
    }

    private static boolean listed(JsonNode list, GroupKind kind) {
        for (JsonNode item : list) {
            if (glob(item.path("kind").asText("")).matcher(kind.kind()).matches()
                    && glob(item.path("group").asText("")).matcher(kind.group()).matches()) {
                return true;
            }
        }
        return false;
    }

    /** A shell glob as Go's filepath.Match reads it: '*' and '?' stop at '/', [...] is a class. */
    static Pattern glob(String glob) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            switch (c) {
                case '*' -> out.append("[^/]*");
                case '?' -> out.append("[^/]");
                case '[' -> {
                    int end = glob.indexOf(']', i + 2);
                    if (end < 0) {
                        out.append("\\[");
                    } else {
                        String set = glob.substring(i + 1, end); // [a-z] and [^a-z] read as Java reads them
                        out.append('[').append(set.replace("\\", "\\\\").replace("[", "\\[").replace("&", "\\&")).append(']');
                        i = end;
                    }
                }
                case '\\' -> {
                    if (i + 1 < glob.length()) {
                        out.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
                    }
                }
                default -> out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(out.toString());
    }
}
