package io.flinkops.compiler.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.yaml.Pointers;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A Flink configuration as the operator sees it: string keys to string values, with the pointer of
 * each key so findings land on the line that set it.
 */
public final class FlinkConf {
    private final Map<String, String> values;
    /** Key to the pointer of the map that set it (a session job's own, or its cluster's); the key's pointer is made on demand. */
    private final Map<String, String> parents;

    private FlinkConf(Map<String, String> values, Map<String, String> parents) {
        this.values = values;
        this.parents = parents;
    }

    public static FlinkConf of(JsonNode flinkConfiguration, String pointer) {
        Map<String, String> values = new TreeMap<>();
        Map<String, String> parents = new TreeMap<>();
        if (flinkConfiguration != null && flinkConfiguration.isObject()) {
            flinkConfiguration.properties().forEach(e -> {
                JsonNode v = e.getValue();
                if (v != null && !v.isNull()) {
                    values.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
                    parents.put(e.getKey(), pointer);
                }
            });
        }
        return new FlinkConf(values, parents);
    }

    /** Keys and values written outside the object (the operator's default configuration): findings fall back on the object. */
    public static FlinkConf unlocated(Map<String, String> values) {
        return new FlinkConf(new TreeMap<>(values), Map.of());
    }

    /** This configuration laid over {@code base} (a session job over its cluster). */
    public FlinkConf over(FlinkConf base) {
        if (base.values.isEmpty()) {
            return this;
        }
        Map<String, String> v = new TreeMap<>(base.values);
        v.putAll(values);
        Map<String, String> p = new TreeMap<>(base.parents);
        p.putAll(parents);
        return new FlinkConf(v, p);
    }

    public static FlinkConf empty() {
        return new FlinkConf(Map.of(), Map.of());
    }

    public Map<String, String> asMap() {
        return Collections.unmodifiableMap(values);
    }

    /** The value of the first of {@code keys} that is set (a key, then its deprecated fallbacks). */
    public Optional<String> get(String... keys) {
        for (String k : keys) {
            String v = values.get(k);
            if (v != null) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    public boolean contains(String... keys) {
        return get(keys).isPresent();
    }

    /** The key that was set among {@code keys}, for locating findings. */
    public Optional<String> keyOf(String... keys) {
        for (String k : keys) {
            if (values.containsKey(k)) {
                return Optional.of(k);
            }
        }
        return Optional.empty();
    }

    /** The pointer of a key in the emitted object, or {@code fallback} when it is not set. */
    public String pointer(String key, String fallback) {
        String parent = parents.get(key);
        return parent == null ? fallback : Pointers.child(parent, key);
    }
}
