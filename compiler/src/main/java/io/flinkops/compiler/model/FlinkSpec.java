package io.flinkops.compiler.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.yaml.LocatedDocument;
import java.util.List;
import java.util.Map;

/**
 * A FlinkJob, FlinkSessionCluster or FlinkSessionJob spec with defaults applied. Fields that do not
 * apply to a kind are null (a session job has no image; a session cluster has no job).
 */
public record FlinkSpec(
        SpecKind kind,
        String name,
        String namespace,
        Map<String, String> labels,
        Map<String, String> annotations,
        String owner,
        String image,
        String imagePullPolicy,
        String flinkVersion,
        String mode,
        String size,
        Size explicitSize,
        Integer jobManagerReplicas,
        Integer taskManagerReplicas,
        Boolean highAvailability,
        Map<String, String> flinkConfiguration,
        Map<String, String> logConfiguration,
        JsonNode podTemplate,
        JsonNode ingress,
        List<Egress> egress,
        JobSettings job,
        Checkpointing checkpointing,
        String periodicSavepointInterval,
        Integer savepointMaxCount,
        String cluster,
        LocatedDocument document) {}
