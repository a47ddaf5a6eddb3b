package io.flinkops.compiler.check;

import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.schema.CrdSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything emitted for one environment (or one stream of raw resources, when {@code environment}
 * is null), indexed for rules that compare objects with each other. Immutable and thread-safe.
 */
public final class EnvironmentView {
    private final Environment environment;
    private final String operatorVersion;
    private final List<EmittedObject> objects;
    private final List<CrdSource> crds;
    private final Map<String, List<EmittedObject>> byKindAndNamespace = new HashMap<>();
    private final Map<String, List<EmittedObject>> byKindAndName = new HashMap<>();
    private final FlinkConf operatorDefaults;

    public EnvironmentView(Environment environment, String operatorVersion, List<EmittedObject> objects, List<CrdSource> crds) {
        this(environment, operatorVersion, objects, crds, environment == null ? Map.of() : environment.operatorConfiguration());
    }

    /** With {@code operatorDefaults}, the operator's default Flink configuration, for objects judged outside any environment. */
    public EnvironmentView(Environment environment, String operatorVersion, List<EmittedObject> objects, List<CrdSource> crds,
            Map<String, String> operatorDefaults) {
        this.environment = environment;
        this.operatorVersion = operatorVersion;
        this.objects = List.copyOf(objects);
        this.crds = List.copyOf(crds);
        this.operatorDefaults = FlinkConf.unlocated(operatorDefaults);
        for (EmittedObject o : this.objects) {
            byKindAndNamespace.computeIfAbsent(o.kind() + "|" + o.namespace(), k -> new ArrayList<>()).add(o);
            byKindAndName.computeIfAbsent(o.kind() + "|" + o.name(), k -> new ArrayList<>()).add(o);
        }
    }

    public EnvironmentView(Environment environment, String operatorVersion, List<EmittedObject> objects) {
        this(environment, operatorVersion, objects, List.of());
    }

    public Environment environment() {
        return environment;
    }

    public String operatorVersion() {
        return operatorVersion;
    }

    /** The operator's default Flink configuration: environment.yaml's spec.operator.defaultConfiguration, or --operator-config's. */
    public FlinkConf operatorDefaults() {
        return operatorDefaults;
    }

    public List<EmittedObject> objects() {
        return objects;
    }

    public List<CrdSource> crds() {
        return crds;
    }

    /** Objects of one kind in one namespace ("" for cluster-scoped or unset). */
    public List<EmittedObject> inNamespace(String kind, String namespace) {
        return byKindAndNamespace.getOrDefault(kind + "|" + namespace, List.of());
    }

    /** The object of a kind and name, in {@code namespace} (or anywhere when either side has none). */
    public Optional<EmittedObject> find(String kind, String namespace, String name) {
        for (EmittedObject o : byKindAndName.getOrDefault(kind + "|" + name, List.of())) {
            if (namespace == null || namespace.isEmpty() || o.namespace().isEmpty() || o.namespace().equals(namespace)) {
                return Optional.of(o);
            }
        }
        return Optional.empty();
    }

    public boolean production() {
        return environment != null && environment.production();
    }
}
