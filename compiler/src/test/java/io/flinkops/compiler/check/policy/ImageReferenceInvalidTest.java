package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageReferenceInvalidTest {
    private static final String RULE = "image-reference-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnAnUpperCaseRepository() {
        PolicyCase.deployment().change("  image: flink:1.17.2", "  image: 111122223333.dkr.ecr.eu-west-1.amazonaws.com/Flink-Jobs:1.17.2", RULE)
                .check(dir, RULE);
    }

    @Test
    void referencesRegistriesAcceptAreFine() {
        for (String image : List.of("flink:1.17.2", "flink", "apache/flink:1.17.2-scala_2.12-java11", "localhost:5000/jobs/state_machine:v1",
                "111122223333.dkr.ecr.eu-west-1.amazonaws.com/flink-jobs:1.2.0", "public.ecr.aws/emr-on-eks/flink/emr-7.0.0-flink:latest",
                "flink@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
                "registry.example.com:443/a__b/c.d/e--f:TAG_1.0", "Registry.Example.com/flink:1")) {
            assertEquals(Optional.empty(), ImageReferenceInvalid.problem(image), image);
        }
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        assertEquals(Optional.of("has an empty tag after ':'"), ImageReferenceInvalid.problem("flink:"));
        assertEquals(Optional.of("holds spaces or line breaks"), ImageReferenceInvalid.problem("flink:1.17\n---\nkind: Secret"));
        assertTrue(ImageReferenceInvalid.problem("flink@sha256:xyz").orElseThrow().startsWith("has a digest"));
        assertTrue(ImageReferenceInvalid.problem("flink:.1").orElseThrow().startsWith("has a tag"));
        assertTrue(ImageReferenceInvalid.problem("my_registry:5000/flink:1").isPresent(), "an underscore in a registry port form");
        assertEquals(Optional.of("has an empty path segment"), ImageReferenceInvalid.problem("apache//flink:1"));
        assertTrue(ImageReferenceInvalid.problem("a".repeat(300) + ":1").orElseThrow().contains("longer than 255"));
        // a long hostile value answers at once: possessive patterns do not backtrack
        assertTrue(ImageReferenceInvalid.problem("a".repeat(200) + "-".repeat(50) + "!").isPresent());
    }

    /** Sidecars and init containers of pod templates too; placeholders are left to the stage that fills them in. */
    @Test
    void podTemplateContainersAreCheckedAndPlaceholdersSkipped() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: app, namespace: jobs}
                spec:
                  image: ${IMAGE}
                  flinkVersion: v1_17
                  serviceAccount: flink
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        initContainers:
                          - name: fetch
                            # expect: image-reference-invalid
                            image: "busybox: 1.36"
                  podTemplate:
                    spec:
                      containers:
                        - name: log-shipper
                          # expect: image-reference-invalid
                          image: Fluent/fluent-bit:2.2
                  job: {jarURI: "local:///job.jar", parallelism: 2}
                """);
        assertTrue(found.get(0).message().contains("image 'busybox: 1.36' holds spaces or line breaks: the pod fails with InvalidImageName")
                || found.get(1).message().contains("image 'busybox: 1.36' holds spaces"), RuleTester.describe(found));
    }
}
