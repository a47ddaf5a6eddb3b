package io.flinkops.compiler.model;

import java.util.List;

/**
 * How Argo CD delivers an environment's output; without a {@code repoURL} no Argo CD objects are generated.
 * {@code extraKinds} are namespaced kinds the AppProject permits besides flinkops' own (for overlay resources).
 */
public record ArgoSettings(
        String namespace, String project, String repoURL, String targetRevision, String path,
        String delivery, boolean prune, boolean selfHeal, List<GroupKind> extraKinds) {}
