package io.flinkops.compiler.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.yaml.LocatedDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One target cluster and what runs there, with every default applied. {@code operatorConfiguration} is
 * the operator's own default Flink configuration (its Helm chart's defaultConfiguration), which the
 * operator lays under every resource's flinkConfiguration.
 */
public record Environment(
        String name,
        String folder,
        boolean production,
        String clusterName,
        String clusterServer,
        String region,
        String kubernetesApiCidr,
        ArgoSettings argocd,
        String operatorVersion,
        String operatorNamespace,
        List<String> watchNamespaces,
        List<String> crdFiles,
        Map<String, String> operatorConfiguration,
        String bucket,
        String statePrefix,
        String stateScheme,
        List<WorkloadNamespace> namespaces,
        Map<String, Size> sizes,
        Map<String, String> nodeSelector,
        List<JsonNode> tolerations,
        List<String> policies,
        LocatedDocument document) {

    public Optional<WorkloadNamespace> namespace(String ns) {
        return namespaces.stream().filter(n -> n.name().equals(ns)).findFirst();
    }

    /** The state root of one job: {@code s3://bucket/prefix/namespace/job}. */
    public String stateRoot(String namespace, String job) {
        String prefix = statePrefix.isEmpty() ? "" : statePrefix + "/";
        return stateScheme + "://" + bucket + "/" + prefix + namespace + "/" + job;
    }
}
