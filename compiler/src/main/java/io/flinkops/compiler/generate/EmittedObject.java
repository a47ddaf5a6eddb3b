package io.flinkops.compiler.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.model.GroupKind;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One Kubernetes object the compiler will write: the output root (environment and application)
 * it belongs to, the object, and where its parts came from.
 *
 * <p>An object taken from a context pack ({@link #deferred}) knows its identity and its Flink
 * configuration up front and is parsed only when something reads more of it: a check of one spec
 * among a thousand reads the others' identities and state paths, rarely more.
 */
public final class EmittedObject {
    private final String environment;
    private final String root;
    private final Origin origin;
    /** Null for an object given whole: its identity is read from it. */
    private final Identity identity;
    private final JsonNode flinkConfiguration;
    private Supplier<ObjectNode> source; // guarded by this; null once parsed
    private volatile ObjectNode object;

    /** What names an object: its apiVersion, kind, namespace and name ("" when it has none). */
    public record Identity(String apiVersion, String kind, String namespace, String name) {
        public static Identity of(JsonNode object) {
            JsonNode meta = object.path("metadata");
            return new Identity(object.path("apiVersion").asText(""), object.path("kind").asText(""),
                    meta.path("namespace").asText(""), meta.path("name").asText(""));
        }
    }

    public EmittedObject(String environment, String root, ObjectNode object, Origin origin) {
        this.environment = environment;
        this.root = root;
        this.object = Objects.requireNonNull(object);
        this.origin = origin;
        this.identity = null;
        this.flinkConfiguration = null;
    }

    private EmittedObject(String environment, String root, Identity identity, JsonNode flinkConfiguration,
            Supplier<ObjectNode> source, Origin origin) {
        this.environment = environment;
        this.root = root;
        this.identity = identity;
        this.flinkConfiguration = flinkConfiguration;
        this.source = source;
        this.origin = origin;
    }

    /**
     * An object parsed on first use of {@link #object()}; {@code identity} and {@code flinkConfiguration}
     * (its {@code spec.flinkConfiguration}, missing when it has none) must be the parsed object's.
     */
    public static EmittedObject deferred(String environment, String root, Identity identity, JsonNode flinkConfiguration,
            Supplier<ObjectNode> source, Origin origin) {
        return new EmittedObject(environment, root, identity, flinkConfiguration == null ? MissingNode.getInstance() : flinkConfiguration,
                source, origin);
    }

    /**
     * This object as it is applied into {@code namespace} (kubectl's current namespace, an Argo CD
     * Application's destination): one of a namespaced kind that names no namespace lands there; any
     * other is itself.
     */
    public EmittedObject inNamespace(String namespace) {
        ObjectNode o = object();
        JsonNode meta = o.path("metadata");
        if (!meta.isObject() || !meta.path("namespace").asText("").isEmpty()
                || GroupKind.of(o.path("apiVersion").asText(), o.path("kind").asText()).clusterScoped()) {
            return this;
        }
        ObjectNode placed = o.deepCopy();
        ((ObjectNode) placed.get("metadata")).put("namespace", namespace);
        return new EmittedObject(environment, namespace, placed, origin);
    }

    public String environment() {
        return environment;
    }

    public String root() {
        return root;
    }

    public Origin origin() {
        return origin;
    }

    public ObjectNode object() {
        ObjectNode o = object;
        if (o == null) {
            synchronized (this) {
                if (object == null) {
                    object = source.get();
                    source = null;
                }
                o = object;
            }
        }
        return o;
    }

    /** Whether {@link #object()} has the object at hand (it was given whole, or has been parsed). */
    public boolean parsed() {
        return object != null;
    }

    /** Its {@code spec.flinkConfiguration} (a missing node when it has none), without parsing a deferred object. */
    public JsonNode flinkConfiguration() {
        return flinkConfiguration != null ? flinkConfiguration : object().path("spec").path("flinkConfiguration");
    }

    public Identity identity() {
        return identity != null ? identity : Identity.of(object());
    }

    public String apiVersion() {
        return identity != null ? identity.apiVersion() : object().path("apiVersion").asText("");
    }

    public String kind() {
        return identity != null ? identity.kind() : object().path("kind").asText("");
    }

    public String name() {
        return identity != null ? identity.name() : object().path("metadata").path("name").asText("");
    }

    public String namespace() {
        return identity != null ? identity.namespace() : object().path("metadata").path("namespace").asText("");
    }

    /** {@code Kind/namespace/name}: how diffs and reports name the object. */
    public String id() {
        return kind() + "/" + (namespace().isEmpty() ? "" : namespace() + "/") + name();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EmittedObject o && Objects.equals(environment, o.environment) && Objects.equals(root, o.root)
                && object().equals(o.object()) && Objects.equals(origin, o.origin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(environment, root, object(), origin);
    }

    @Override
    public String toString() {
        return "EmittedObject[" + environment + ", " + root + ", " + id() + "]";
    }
}
