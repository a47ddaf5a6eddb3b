package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PodTemplateVolumeInvalidTest {
    private static final String RULE = "pod-template-volume-invalid";

    @TempDir
    Path dir;

    @Test
    void firesOnAVolumeWithTwoSources() {
        PolicyCase.deployment()
                .change("              value: flink-s3-fs-hadoop-1.17.2.jar", "              value: flink-s3-fs-hadoop-1.17.2.jar\n"
                        + "      volumes:\n        # expect: pod-template-volume-invalid\n"
                        + "        - {name: cache, emptyDir: {}, hostPath: {path: /mnt/cache}}")
                .check(dir, RULE);
    }

    /** Layouts each pod takes: the component's volumes after the shared ones, or at their positions, or merged by name. */
    @Test
    void volumesEachPodTakesAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      volumes: [{name: flink-logs, emptyDir: {}}, {name: "${EXTRA_VOLUME}", emptyDir: {}}]
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        volumes: [{name: flink-logs}, {name: "${EXTRA_VOLUME}"}, {name: artifacts, emptyDir: {}}]
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        volumes: [{name: flink-logs, emptyDir: {sizeLimit: 1Gi}}]
                """) + "---\n" + Fixtures.rawDeployment("""
                  flinkConfiguration: {kubernetes.operator.pod-template.merge-arrays-by-name: "true"}
                  podTemplate:
                    spec:
                      volumes: [{name: flink-logs, emptyDir: {}}]
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        volumes: [{name: job-config, configMap: {name: job-config}}, {name: flink-logs, emptyDir: {sizeLimit: 1Gi}}]
                """).replace("name: app", "name: by-name"));
    }

    @Test
    void eachKindOfMistakeIsNamed() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      volumes:
                        - {name: flink-logs, emptyDir: {}}
                        # expect: pod-template-volume-invalid
                        - {name: Scratch_1, emptyDir: {}}
                        # expect: pod-template-volume-invalid
                        - {name: flink-logs, emptyDir: {}}
                        # expect: pod-template-volume-invalid
                        - {emptyDir: {}}
                        # expect: pod-template-volume-invalid
                        - {name: flink-config-volume, configMap: {name: flink-config-app}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        volumes:
                          # expect: pod-template-volume-invalid
                          - {name: job-config, configMap: {name: job-config}}
                """));
        assertEquals(List.of(
                "spec.podTemplate volumes[1] is named 'Scratch_1', which is not a DNS label (lower-case letters, digits and '-',"
                        + " at most 63)",
                "spec.podTemplate volumes[2] is named 'flink-logs', as spec.podTemplate volumes[0] is",
                "spec.podTemplate volumes[3] has no name",
                "spec.podTemplate volumes[4] is named 'flink-config-volume', as the volume Flink adds itself for its own"
                        + " configuration (at kubernetes.flink.conf.dir) is",
                "spec.taskManager.podTemplate volumes[0] (merged by position over spec.podTemplate volumes[0]) gives the TaskManager"
                        + " pods a volume with more than one source (configMap, emptyDir)"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * Flink adds some volumes only as the configuration asks (read from Flink 1.17.1's factories, run on templates): the
     * TaskManagers' pod template to the JobManager in native mode, and one per kubernetes.secrets entry to every pod.
     */
    @Test
    void aVolumeNamedAsOneFlinkAddsByItsConfigurationIsASecond() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  flinkConfiguration: {kubernetes.secrets: "kafka-creds:/opt/secrets/kafka"}
                  podTemplate:
                    spec:
                      volumes:
                        # expect: pod-template-volume-invalid
                        - {name: pod-template-volume, emptyDir: {}}
                        # expect: pod-template-volume-invalid
                        - {name: kafka-creds-volume, secret: {secretName: kafka-creds}}
                        - {name: hadoop-config-volume, configMap: {name: hadoop-conf}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate volumes[0], in the JobManager pod, is named 'pod-template-volume', as the volume Flink adds itself"
                        + " for the TaskManagers' pod template (which the operator hands the JobManager) is",
                "spec.podTemplate volumes[1] is named 'kafka-creds-volume', as the volume Flink adds itself for secret kafka-creds"
                        + " (of kubernetes.secrets) is"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * Inside a volume: a name for a ConfigMap or Secret, file modes of at most 0777 (644 unquoted is decimal), items
     * with relative paths, a hostPath without '..' and of a known type, a claim name, no negative size limit.
     */
    @Test
    void volumeSourcesKubernetesTakes() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      volumes:
                        - name: log-config
                          configMap:
                            name: flink-logging
                            defaultMode: 0644
                            items:
                              - {key: log4j-console.properties, path: log4j-console.properties, mode: 420}
                              # expect: pod-template-volume-invalid
                              - {key: extra.properties, path: ../extra.properties}
                        - name: credentials
                          secret:
                            secretName: kafka-credentials
                            # expect: pod-template-volume-invalid
                            defaultMode: 644
                        - name: host
                          # expect: pod-template-volume-invalid
                          hostPath: {path: /var/lib/flink, type: directory}
                        # expect: pod-template-volume-invalid
                        - {name: state, persistentVolumeClaim: {readOnly: false}}
                        - name: scratch
                          # expect: pod-template-volume-invalid
                          emptyDir: {sizeLimit: -1Gi}
                        - name: token
                          projected:
                            sources:
                              - serviceAccountToken: {path: token, expirationSeconds: 3600}
                              - configMap: {name: ca, items: [{key: ca.crt, path: ca.crt}]}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate volumes[0] (log-config) configMap.items[1] path '../extra.properties' is not a relative path inside"
                        + " the volume (no leading '/', no '..')",
                "spec.podTemplate volumes[1] (credentials) secret.defaultMode is 644, not between 0 and 0777 (511); write an octal"
                        + " mode with a leading 0 (0644) or in decimal (420)",
                "spec.podTemplate volumes[2] (host) hostPath type 'directory' is not one of BlockDevice, CharDevice, Directory,"
                        + " DirectoryOrCreate, File, FileOrCreate, Socket",
                "spec.podTemplate volumes[3] (state) persistentVolumeClaim has no claimName",
                "spec.podTemplate volumes[4] (scratch) emptyDir sizeLimit -1Gi is negative"),
                PodTemplateInvalidTest.reasons(found));
    }

    /**
     * Projected and downwardAPI volumes: one kind per source, every file at a path of its own, a token that lives
     * at least ten minutes; a downwardAPI file from one field of the pod a volume takes, or a container's resource.
     */
    @Test
    void projectedAndDownwardFiles() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      volumes:
                        - name: podinfo
                          downwardAPI:
                            items:
                              - {path: labels, fieldRef: {fieldPath: metadata.labels}}
                              - {path: mem, resourceFieldRef: {containerName: flink-main-container, resource: limits.memory}}
                              # expect: pod-template-volume-invalid
                              - {path: ip, fieldRef: {fieldPath: status.podIP}}
                        - name: bundle
                          projected:
                            sources:
                              # expect: pod-template-volume-invalid
                              - serviceAccountToken: {path: token, expirationSeconds: 300}
                              - configMap: {name: ca, items: [{key: ca.crt, path: ca.crt}]}
                              # expect: pod-template-volume-invalid
                              - secret: {name: tls, items: [{key: tls.crt, path: ca.crt}]}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        assertEquals(List.of(
                "spec.podTemplate volumes[0] (podinfo) downwardAPI.items[2].fieldRef fieldPath 'status.podIP' is not one a volume"
                        + " takes (metadata.name, metadata.namespace, metadata.uid, metadata.labels, metadata.annotations, or one"
                        + " label or annotation in brackets)",
                "spec.podTemplate volumes[1] (bundle) projected.sources[0].serviceAccountToken expirationSeconds is 300, not between"
                        + " 600 (10 minutes) and 2^32",
                "spec.podTemplate volumes[1] (bundle) projected.sources[2].secret.items[0] path 'ca.crt' is another source's too"),
                PodTemplateInvalidTest.reasons(found));
    }
}
