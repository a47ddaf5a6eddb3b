package io.flinkops.compiler.check;

import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.schema.CrdSource;
import java.util.List;
import java.util.Optional;

/**
 * Everything emitted for one environment (or one stream of raw resources, when {@code environment}
 * is null), for rules that compare objects with each other.
 */
public record EnvironmentView(Environment environment, String operatorVersion, List<EmittedObject> objects, List<CrdSource> crds) {

    public EnvironmentView(Environment environment, String operatorVersion, List<EmittedObject> objects) {
        this(environment, operatorVersion, objects, List.of());
    }

    public Optional<EmittedObject> find(String kind, String namespace, String name) {
        return objects.stream()
                .filter(o -> o.kind().equals(kind) && o.name().equals(name)
                        && (namespace == null || namespace.isEmpty() || o.namespace().isEmpty() || o.namespace().equals(namespace)))
                .findFirst();
    }

    public boolean production() {
        return environment != null && environment.production();
    }
}
