package io.flinkops.compiler.model;

import java.util.Map;

/**
 * A namespace that runs Flink workloads: its team, service account and AWS identity, and the
 * ResourceQuota it gets (resource name to quantity; empty for none).
 */
public record WorkloadNamespace(
        String name, String team, String serviceAccount, String iamRoleArn, String identity,
        Map<String, String> labels, Map<String, String> quota, String pointer) {}
