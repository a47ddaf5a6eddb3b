package io.flinkops.compiler.model;

import java.util.Map;

/**
 * A namespace that runs Flink workloads: its team, service account and AWS identity, the
 * ResourceQuota it gets (resource name to quantity; empty for none), and the requests and limits a
 * LimitRange gives containers that set none (resource name to quantity; both empty for no LimitRange).
 */
public record WorkloadNamespace(
        String name, String team, String serviceAccount, String iamRoleArn, String identity,
        Map<String, String> labels, Map<String, String> quota,
        Map<String, String> defaultRequests, Map<String, String> defaultLimits, String pointer) {

    public boolean hasContainerDefaults() {
        return !defaultRequests.isEmpty() || !defaultLimits.isEmpty();
    }
}
