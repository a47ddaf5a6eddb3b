package io.flinkops.compiler.model;

/** CPU, memory and ephemeral storage of one Flink component; null fields are unset. */
public record Resources(Double cpu, String memory, String ephemeralStorage) {
    public static final Resources NONE = new Resources(null, null, null);

    /** This, with unset fields taken from {@code fallback}. */
    public Resources orElse(Resources fallback) {
        return new Resources(
                cpu != null ? cpu : fallback.cpu,
                memory != null ? memory : fallback.memory,
                ephemeralStorage != null ? ephemeralStorage : fallback.ephemeralStorage);
    }
}
