package io.flinkops.compiler.model;

import java.util.Optional;

/** The kinds flinkops reads: its own {@code flinkops.io/v1alpha1} kinds and the operator's raw CRs. */
public enum SpecKind {
    ENVIRONMENT("flinkops.io/v1alpha1", "Environment"),
    POLICY_SET("flinkops.io/v1alpha1", "PolicySet"),
    FLINK_JOB("flinkops.io/v1alpha1", "FlinkJob"),
    FLINK_SESSION_CLUSTER("flinkops.io/v1alpha1", "FlinkSessionCluster"),
    FLINK_SESSION_JOB("flinkops.io/v1alpha1", "FlinkSessionJob"),
    RAW_FLINK_DEPLOYMENT("flink.apache.org/v1beta1", "FlinkDeployment"),
    RAW_FLINK_SESSION_JOB("flink.apache.org/v1beta1", "FlinkSessionJob"),
    RAW_FLINK_STATE_SNAPSHOT("flink.apache.org/v1beta1", "FlinkStateSnapshot");

    public static final String FLINKOPS_API = "flinkops.io/v1alpha1";
    public static final String FLINK_API = "flink.apache.org/v1beta1";

    private final String apiVersion;
    private final String kind;

    SpecKind(String apiVersion, String kind) {
        this.apiVersion = apiVersion;
        this.kind = kind;
    }

    public String apiVersion() {
        return apiVersion;
    }

    public String kind() {
        return kind;
    }

    public boolean isRaw() {
        return apiVersion.equals(FLINK_API);
    }

    public static Optional<SpecKind> of(String apiVersion, String kind) {
        for (SpecKind k : values()) {
            if (k.apiVersion.equals(apiVersion) && k.kind.equals(kind)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }
}
