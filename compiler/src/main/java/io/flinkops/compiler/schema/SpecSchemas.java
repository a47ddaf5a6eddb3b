package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.yaml.JsonTrees;
import io.flinkops.compiler.yaml.YamlReader;

/**
 * The published JSON Schemas of the flinkops.io kinds (also what {@code flinkops schema} prints),
 * compiled lazily, once per kind.
 */
public final class SpecSchemas {
    static final String RESOURCE = "/io/flinkops/compiler/model/spec-schemas.yaml";
    static final String PRECOMPILED = "spec-schemas.json";
    private static final List<SpecKind> KINDS = List.of(
            SpecKind.ENVIRONMENT, SpecKind.POLICY_SET, SpecKind.FLINK_JOB, SpecKind.FLINK_SESSION_CLUSTER, SpecKind.FLINK_SESSION_JOB);

    private ObjectNode source;
    private final Map<SpecKind, CompiledSchema> compiled = new ConcurrentHashMap<>();
    private final Map<SpecKind, Object> locks = new EnumMap<>(SpecKind.class);

    public SpecSchemas() {
        for (SpecKind kind : SpecKind.values()) {
            locks.put(kind, new Object());
        }
    }

    /**
     * Read on first use: a run over raw resources alone never needs these schemas. From the JSON the
     * build writes beside the YAML source ({@link CrdPrecompiler}), with node types as the reader the
     * specs are read with gives them.
     */
    private synchronized ObjectNode source() {
        if (source == null) {
            String resource = RESOURCE.substring(0, RESOURCE.lastIndexOf('/') + 1) + PRECOMPILED;
            try (InputStream in = SpecSchemas.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException(resource + " is missing: build flinkops with mvn package");
                }
                source = (ObjectNode) JsonTrees.read(in, SchemaNodes.INSTANCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source;
    }

    /** The YAML source of the schemas as the JSON {@link #source} reads (a build step). */
    static byte[] precompile(byte[] yaml) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        JsonTrees.write(new YamlReader().read(RESOURCE, yaml).get(0).root(), out);
        return out.toByteArray();
    }

    public static List<SpecKind> kinds() {
        return KINDS;
    }

    /** The standalone JSON Schema of one kind, with its definitions inlined under "definitions". */
    public ObjectNode schemaOf(SpecKind kind) {
        ObjectNode definitions = (ObjectNode) source().get("definitions");
        ObjectNode schema = ((ObjectNode) source().get("kinds").get(kind.kind())).deepCopy();
        expandMixins(schema, definitions);
        ObjectNode out = schema.objectNode();
        out.put("$schema", "http://json-schema.org/draft-07/schema#");
        out.put("$id", "https://flinkops.io/schemas/v1alpha1/" + kind.kind() + ".json");
        out.put("title", kind.kind());
        out.setAll(schema);
        ObjectNode defs = definitions.deepCopy();
        defs.remove("clusterCommon");
        out.set("definitions", defs);
        return out;
    }

    private static void expandMixins(JsonNode node, ObjectNode definitions) {
        if (node instanceof ObjectNode obj) {
            JsonNode mixin = obj.remove("withProperties");
            if (mixin != null) {
                ObjectNode props = (ObjectNode) obj.get("properties");
                props.setAll((ObjectNode) definitions.get(mixin.asText()).deepCopy());
            }
            for (Iterator<JsonNode> it = obj.elements(); it.hasNext();) {
                expandMixins(it.next(), definitions);
            }
        }
    }

    /**
     * One kind's schema, compiled on first use. Each kind has a lock of its own: the policy sets'
     * schema compiles on one thread while a check's environment and spec schemas compile on another.
     */
    public CompiledSchema compiled(SpecKind kind) {
        CompiledSchema done = compiled.get(kind);
        if (done != null) {
            return done;
        }
        synchronized (locks.get(kind)) {
            done = compiled.get(kind);
            if (done == null) {
                done = CompiledSchema.compile(schemaOf(kind));
                compiled.put(kind, done);
            }
            return done;
        }
    }
}
