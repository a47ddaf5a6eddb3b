package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mutates the sample specs (deleted and duplicated lines, inserted YAML tokens, swapped value types,
 * truncation) a few thousand times: no exception may escape, and every finding must have a location.
 * The seeds and counts are fixed; {@code -Dflinkops.fuzzSeed=N -Dflinkops.fuzzScale=K} searches further
 * (another seed, K times the iterations) without changing what {@code mvn verify} checks.
 */
class FuzzTest {
    private static final long SEED = Long.getLong("flinkops.fuzzSeed", 0L);
    private static final int SCALE = Integer.getInteger("flinkops.fuzzScale", 1);

    private static final String[] TOKENS = {": ", "- ", "{", "}", "[", "]", "&a ", "*a", "\t", "0x1F", "~", "[1, 2]", "!!str ",
        "'", "\"", "<<: *a", "---", "? ", "%YAML 1.1", "\u0000", "\u00e9", "null", "yes", "-1", "1e400", "9223372036854775808"};
    private static final String[] VALUES = {"", "0", "-7", "1.5", "true", "null", "[]", "{}", "[a, b]", "{a: 1}", "\"quoted\"",
        "v1_99", "s3://other/x", "${VAR}", "very-long-" + "x".repeat(300), "|\n  block", "2Gi", "latest", "*undefined"};
    private static final String[] FILES = {
        "environments/dev/environment.yaml", "environments/dev/state-machine.yaml", "environments/dev/session-cluster.yaml",
        "environments/dev/top-speed-windowing.yaml", "environments/dev/clickstream-sessionizer.yaml", "policies/baseline.yaml",
        "overlays/dev/analytics/resources/extra-job.yaml", "overlays/dev/analytics/patches/cost-center.yaml"};

    @TempDir
    Path dir;

    @Test
    void mutatedSpecsNeverCrash() {
        TestRepo repo = new TestRepo(dir).withSamples();
        repo.file("overlays/dev/analytics/resources/extra-job.yaml", Fixtures.OVERLAY_JOB);
        repo.file("overlays/dev/analytics/patches/cost-center.yaml", Fixtures.OVERLAY_PATCH);
        List<String> originals = new ArrayList<>();
        for (String f : FILES) {
            originals.add(repo.read(f));
        }
        Compiler compiler = new Compiler();
        Random random = new Random(20261123L + SEED);
        int iterations = 2000 * SCALE;
        int[] codes = new int[3];
        for (int i = 0; i < iterations; i++) {
            int which = random.nextInt(FILES.length);
            String mutated = mutate(originals.get(which), random);
            repo.file(FILES[which], mutated);
            try {
                CompileResult result = compiler.compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY).withEnvironment("dev"));
                for (Diagnostic d : result.diagnostics()) {
                    assertTrue(d.location().line() >= 1 && d.location().column() >= 1 && !d.location().file().isEmpty(),
                            "finding without a location: " + d);
                }
                codes[result.hasUnreadableInput() ? 2 : result.hasErrors() ? 1 : 0]++;
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " on " + FILES[which] + " threw " + e + "\n--- input ---\n" + mutated, e);
            } finally {
                repo.file(FILES[which], originals.get(which));
            }
        }
        assertTrue(codes[0] > 0 && codes[1] > 0 && codes[2] > 0, "the mutations should reach every exit code: " + Arrays.toString(codes));
    }

    private static final String RAW = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: raw-job
              namespace: analytics
              labels: {flinkops.io/team: data}
              annotations: {a: b}
            spec:
              image: flink:1.17.2
              flinkVersion: v1_17
              serviceAccount: flink
              mode: native
              flinkConfiguration:
                taskmanager.numberOfTaskSlots: "2"
                state.checkpoints.dir: s3://acme-flink-state-dev/dev/analytics/raw-job/checkpoints
              ingress:
                template: "{{name}}.example.com"
              logConfiguration:
                log4j-console.properties: x
              podTemplate:
                metadata:
                  annotations: {container.apparmor.security.beta.kubernetes.io/flink-main-container: runtime/default}
                spec:
                  nodeSelector: {karpenter.sh/nodepool: flink}
                  tolerations: [{key: dedicated, operator: Equal, value: flink, effect: NoSchedule}]
                  topologySpreadConstraints: [{maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: DoNotSchedule,
                                               labelSelector: {matchLabels: {app: a}}, matchLabelKeys: [pod-template-hash],
                                               nodeTaintsPolicy: Honor}]
                  volumes:
                    - {name: conf, configMap: {name: c, defaultMode: 0644, items: [{key: k, path: p, mode: 0600}]}}
                    - {name: info, downwardAPI: {items: [{path: labels, fieldRef: {fieldPath: metadata.labels}}]}}
                    - {name: token, projected: {sources: [{serviceAccountToken: {path: t, expirationSeconds: 3600}}]}}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms: [{matchExpressions: [{key: karpenter.sh/capacity-type, operator: In, values: [spot]}]}]
                  dnsPolicy: None
                  dnsConfig: {nameservers: [10.0.0.10], searches: [svc.cluster.local], options: [{name: ndots, value: "2"}]}
                  hostAliases: [{ip: 10.0.0.12, hostnames: [kafka.internal]}]
                  securityContext: {runAsUser: 9999, fsGroup: 9999, supplementalGroups: [1], sysctls: [{name: net.core.somaxconn, value: "1"}],
                                    seccompProfile: {type: RuntimeDefault}}
                  initContainers:
                    - {name: fetch, image: busybox:1.36, restartPolicy: Always, lifecycle: {preStop: {sleep: {seconds: 5}}}}
                  containers:
                    - name: flink-main-container
                      securityContext: {allowPrivilegeEscalation: false, capabilities: {add: [NET_ADMIN]}}
                      lifecycle: {preStop: {exec: {command: [sleep, "5"]}}}
                      readinessProbe: {httpGet: {path: /, port: 8081, httpHeaders: [{name: X-Probe, value: a}]}}
                      resizePolicy: [{resourceName: cpu, restartPolicy: NotRequired}]
                      volumeMounts: [{name: conf, mountPath: /c, readOnly: true, recursiveReadOnly: IfPossible}]
                      envFrom: [{prefix: K_, configMapRef: {name: c}}]
                      env:
                        - {name: A, value: b}
                        - {name: S, valueFrom: {secretKeyRef: {name: s, key: k}}}
                    - name: log-shipper
                      image: fluent/fluent-bit:2.2
                      resources: {requests: {cpu: 10m}}
              jobManager:
                replicas: 1
                resource: {cpu: 1, memory: 2048m}
                podTemplate:
                  spec:
                    containers:
                      - name: flink-main-container
                        volumeMounts: [{name: logs, mountPath: /opt/flink/log}]
                        livenessProbe: {httpGet: {port: 8081}}
                    volumes: [{name: logs, emptyDir: {}}]
              taskManager:
                replicas: 2
                resource: {cpu: 1, memory: 2048m, ephemeralStorage: 1Gi}
                podTemplate:
                  spec:
                    containers:
                      - name: flink-main-container
                        env: [{name: A, valueFrom: {fieldRef: {fieldPath: metadata.name}}}]
                      - {name: log-shipper, resources: {limits: {cpu: 100m}}, ports: [{name: http, containerPort: 2020}]}
              job:
                jarURI: local:///job.jar
                args: ["--a"]
                parallelism: 2
                upgradeMode: last-state
            ---
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkSessionJob
            metadata:
              name: raw-session-job
              namespace: analytics
            spec:
              deploymentName: analytics-session
              flinkConfiguration: {a: b}
              job:
                jarURI: https://example.com/job.jar
                parallelism: 1
            ---
            apiVersion: v1
            kind: ResourceQuota
            metadata: {name: compute, namespace: analytics}
            spec:
              hard: {requests.cpu: "8", limits.memory: 32Gi, pods: "10"}
            ---
            apiVersion: v1
            kind: LimitRange
            metadata: {name: defaults, namespace: analytics}
            spec:
              limits:
                - type: Container
                  default: {memory: 256Mi}
                  defaultRequest: {cpu: 100m}
            """;

    /** Raw custom resources, in an environment and alone, with every field swapped for every type. */
    @Test
    void mutatedRawResourcesNeverCrash() {
        TestRepo repo = new TestRepo(dir).withSamples();
        Compiler compiler = new Compiler();
        Random random = new Random(7L + SEED);
        for (int i = 0; i < 1500 * SCALE; i++) {
            String mutated = mutate(RAW, random);
            try {
                if (i % 2 == 0) {
                    repo.file("environments/dev/raw.yaml", mutated);
                    CompileResult result = compiler.compile(CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY).withEnvironment("dev"));
                    result.diagnostics().forEach(d -> assertTrue(d.location().line() >= 1, d.toString()));
                } else {
                    var diagnostics = new io.flinkops.compiler.diagnostic.Diagnostics();
                    List<io.flinkops.compiler.yaml.LocatedDocument> docs;
                    try {
                        docs = compiler.yaml().parse("raw.yaml", mutated);
                    } catch (io.flinkops.compiler.diagnostic.InputException e) {
                        continue;
                    }
                    compiler.validateDocuments(docs, CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY)
                            .withOperatorVersion(i % 4 == 1 ? "1.7.0" : "1.10.0"), diagnostics)
                            .diagnostics().forEach(d -> assertTrue(d.location().line() >= 1, d.toString()));
                }
            } catch (RuntimeException | StackOverflowError e) {
                fail("iteration " + i + " threw " + e + "\n--- input ---\n" + mutated, e);
            }
        }
    }

    /** Every node of the raw resources replaced by every JSON type, checked on both operator versions. */
    @Test
    void everyFieldWithEveryTypeIsAFindingNotACrash() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());
        var json = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        List<com.fasterxml.jackson.databind.JsonNode> replacements = List.of(json.textNode("x"), json.numberNode(-1), json.numberNode(2.5),
                json.booleanNode(true), json.nullNode(), json.arrayNode().add("a"), json.objectNode().put("k", "v"));
        Compiler compiler = new Compiler();
        var docs = mapper.readerFor(com.fasterxml.jackson.databind.JsonNode.class).<com.fasterxml.jackson.databind.JsonNode>readValues(RAW).readAll();
        int runs = 0;
        for (int d = 0; d < docs.size(); d++) {
            List<String> pointers = new ArrayList<>();
            collect(docs.get(d), "", pointers);
            for (String pointer : pointers) {
                for (var replacement : replacements) {
                    var copy = docs.get(d).deepCopy();
                    var parent = copy.at(com.fasterxml.jackson.core.JsonPointer.compile(pointer).head());
                    String last = com.fasterxml.jackson.core.JsonPointer.compile(pointer).last().getMatchingProperty();
                    if (parent instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
                        o.set(last, replacement);
                    } else if (parent instanceof com.fasterxml.jackson.databind.node.ArrayNode a) {
                        a.set(Integer.parseInt(last), replacement);
                    }
                    String yaml = mapper.writeValueAsString(copy);
                    for (String version : new String[] {"1.7.0", "1.10.0"}) {
                        try {
                            var parsed = compiler.yaml().parse("raw.yaml", yaml);
                            var found = compiler.validateDocuments(parsed, CompileRequest.of(new FileSystemTree(dir), RuleTester.TODAY)
                                    .withOperatorVersion(version), new io.flinkops.compiler.diagnostic.Diagnostics()).diagnostics();
                            for (var f : found) {
                                assertTrue(!f.message().contains("could not be checked"), pointer + " = " + replacement + ": " + f.oneLine());
                            }
                            runs++;
                        } catch (RuntimeException | StackOverflowError e) {
                            fail(pointer + " = " + replacement + " on " + version + " threw " + e, e);
                        }
                    }
                }
            }
        }
        assertTrue(runs > 500, "ran " + runs);
    }

    private static void collect(com.fasterxml.jackson.databind.JsonNode node, String pointer, List<String> out) {
        if (!pointer.isEmpty()) {
            out.add(pointer);
        }
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> collect(node.get(f), pointer + "/" + f.replace("~", "~0").replace("/", "~1"), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), pointer + "/" + i, out);
            }
        }
    }

    private static String mutate(String text, Random random) {
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && !lines.isEmpty(); e++) {
            int at = random.nextInt(lines.size());
            switch (random.nextInt(6)) {
                case 0 -> lines.remove(at);
                case 1 -> lines.add(at, lines.get(at));
                case 2 -> {
                    String line = lines.get(at);
                    int pos = line.isEmpty() ? 0 : random.nextInt(line.length() + 1);
                    lines.set(at, line.substring(0, pos) + TOKENS[random.nextInt(TOKENS.length)] + line.substring(pos));
                }
                case 3 -> {
                    String line = lines.get(at);
                    int colon = line.indexOf(": ");
                    if (colon > 0) {
                        lines.set(at, line.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                    }
                }
                case 4 -> lines.set(at, "  ".repeat(random.nextInt(4)) + lines.get(at).stripLeading());
                default -> {
                    while (lines.size() > at + 1) {
                        lines.remove(lines.size() - 1);
                    }
                }
            }
        }
        return String.join("\n", lines);
    }
}
