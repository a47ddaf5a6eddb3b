package io.flinkops.compiler.model;

/** How Argo CD delivers an environment's output. */
public record ArgoSettings(
        String namespace, String project, String repoURL, String targetRevision, String path,
        String delivery, boolean prune, boolean selfHeal) {}
