package io.flinkops.compiler.generate;

/** Label and annotation keys flinkops writes into every object. */
public final class Labels {
    public static final String NAME = "app.kubernetes.io/name";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String ENVIRONMENT = "flinkops.io/environment";
    public static final String TEAM = "flinkops.io/team";
    public static final String OWNER = "flinkops.io/owner";
    public static final String SOURCE = "flinkops.io/source";
    public static final String COMMIT = "flinkops.io/commit";
    public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
    public static final String MANAGER = "flinkops";

    private Labels() {}
}
