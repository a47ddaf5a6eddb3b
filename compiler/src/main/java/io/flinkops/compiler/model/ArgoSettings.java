package io.flinkops.compiler.model;

/** How Argo CD delivers an environment's output; without a {@code repoURL} no Argo CD objects are generated. */
public record ArgoSettings(
        String namespace, String project, String repoURL, String targetRevision, String path,
        String delivery, boolean prune, boolean selfHeal) {}
