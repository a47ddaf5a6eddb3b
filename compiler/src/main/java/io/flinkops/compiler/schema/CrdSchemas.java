package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.yaml.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The operator's CRD schemas, built into the jar per operator version (unpacked at build time from
 * {@code flink-kubernetes-operator-api}), or read from a CRD file the user names. Each schema is
 * parsed, converted and compiled at most once per run, and only when an object needs it.
 */
public final class CrdSchemas {
    /** Operator versions whose CRDs ship inside flinkops, oldest first. */
    public static final List<String> BUILT_IN = List.of("1.7.0", "1.10.0");
    public static final String NEWEST = BUILT_IN.get(BUILT_IN.size() - 1);
    private static final String RESOURCE_DIR = "/io/flinkops/compiler/schema/crds/";
    private static final Map<String, String> PLURALS = Map.of(
            "FlinkDeployment", "flinkdeployments",
            "FlinkSessionJob", "flinksessionjobs",
            "FlinkStateSnapshot", "flinkstatesnapshots");
    /** Built on first use: only CRD files given by the user are YAML at run time. */
    static final class Yaml {
        static final ObjectMapper MAPPER = new ObjectMapper(new YAMLFactory());
    }
    private final Map<String, Optional<CompiledSchema>> cache = new ConcurrentHashMap<>();

    public static boolean isBuiltIn(String version) {
        return BUILT_IN.contains(version);
    }

    /**
     * The compiled schema for one kind and API version under one operator version, or empty when
     * that operator version does not define the kind (FlinkStateSnapshot before 1.10).
     */
    public Optional<CompiledSchema> forKind(String operatorVersion, String kind, String apiVersion) {
        String key = operatorVersion + "|" + kind + "|" + apiVersion;
        return cache.computeIfAbsent(key, k -> {
            Optional<CompiledSchema> precompiled = precompiled(operatorVersion, kind, apiVersion);
            return precompiled.isPresent() ? precompiled : load(builtInCrd(operatorVersion, kind), kind, apiVersion);
        });
    }

    /**
     * The schema of {@code kind} in {@code apiVersion}'s group and version from a CRD file the user gave
     * (EMR on EKS, newer operators, any other custom resource); empty when the file does not define the
     * kind in that group or does not serve that version.
     */
    public Optional<CompiledSchema> fromSource(CrdSource crd, String kind, String apiVersion) {
        String key = "file:" + crd.name() + "|" + kind + "|" + apiVersion;
        int slash = apiVersion.indexOf('/');
        return cache.computeIfAbsent(key, k -> slash < 0 ? Optional.empty()
                : load(crd.definition(apiVersion.substring(0, slash), kind), kind, apiVersion));
    }

    /** The JSON Schema the build converted from the CRD ({@link CrdPrecompiler}), when present. */
    private static Optional<CompiledSchema> precompiled(String operatorVersion, String kind, String apiVersion) {
        String plural = PLURALS.get(kind);
        if (plural == null) {
            return Optional.empty();
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        String group = apiVersion.substring(0, apiVersion.indexOf('/'));
        String resource = RESOURCE_DIR + operatorVersion + "/" + plural + "." + group + "-" + version + ".schema.json";
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(CompiledSchema.compile(JsonTrees.read(in, SchemaNodes.INSTANCE)));
        } catch (IOException e) {
            throw new IllegalStateException("built-in schema " + resource + " is unreadable", e);
        }
    }

    private static Optional<JsonNode> builtInCrd(String operatorVersion, String kind) {
        String plural = PLURALS.get(kind);
        if (plural == null) {
            return Optional.empty();
        }
        String resource = RESOURCE_DIR + operatorVersion + "/" + plural + ".flink.apache.org-v1.yml";
        try (InputStream in = CrdSchemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                return Optional.empty();
            }
            return Optional.of(Yaml.MAPPER.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException("built-in CRD " + resource + " is unreadable", e);
        }
    }

    private static Optional<CompiledSchema> load(Optional<JsonNode> crd, String kind, String apiVersion) {
        if (crd.isEmpty()) {
            return Optional.empty();
        }
        String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
        for (JsonNode v : crd.get().path("spec").path("versions")) {
            if (version.equals(v.path("name").asText()) && v.path("served").asBoolean(true)) {
                JsonNode openApi = v.path("schema").path("openAPIV3Schema");
                if (openApi.isMissingNode()) {
                    return Optional.empty();
                }
                return Optional.of(CompiledSchema.compile(SchemaNodes.copy(CrdConverter.convertRoot(openApi))));
            }
        }
        return Optional.empty();
    }
}
