package io.flinkops.compiler.model;

import java.util.List;

/**
 * How Argo CD delivers an environment's output; without a {@code repoURL} no Argo CD objects are generated.
 * {@code extraKinds} are namespaced kinds the AppProject permits besides flinkops' own (for overlay resources).
 */
public record ArgoSettings(
        String namespace, String project, String repoURL, String targetRevision, String path,
        String delivery, boolean prune, boolean selfHeal, List<GroupKind> extraKinds) {

    /** A Kubernetes group and kind, as an AppProject lists them ("" is the core group). */
    public record GroupKind(String group, String kind) {
        /** The group of an object's apiVersion: "apps" of "apps/v1", "" of "v1". */
        public static GroupKind of(String apiVersion, String kind) {
            int slash = apiVersion.indexOf('/');
            return new GroupKind(slash < 0 ? "" : apiVersion.substring(0, slash), kind);
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? "" : group + "/") + kind;
        }
    }
}
