package io.flinkops.compiler.model;

import java.util.Set;

/** A Kubernetes group and kind, as an AppProject lists them ("" is the core group). */
public record GroupKind(String group, String kind) {
    /** Kubernetes' own cluster-scoped kinds besides Namespace and the Cluster* ones of RBAC. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("CustomResourceDefinition", "PersistentVolume", "StorageClass",
            "PriorityClass", "IngressClass", "RuntimeClass", "Node", "CSIDriver", "VolumeAttachment",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "APIService", "CertificateSigningRequest");

    /** Whether objects of this kind live outside any namespace (as far as Kubernetes' own kinds tell). */
    public boolean clusterScoped() {
        return kind.equals("Namespace") || kind.startsWith("Cluster") || CLUSTER_SCOPED.contains(kind);
    }

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
