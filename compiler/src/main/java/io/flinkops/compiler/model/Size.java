package io.flinkops.compiler.model;

/** A t-shirt size from the environment, or explicit resources from a spec. */
public record Size(Resources jobManager, Resources taskManager, Integer taskSlots) {
    public static final Size NONE = new Size(Resources.NONE, Resources.NONE, null);

    public Size orElse(Size fallback) {
        return new Size(
                jobManager.orElse(fallback.jobManager),
                taskManager.orElse(fallback.taskManager),
                taskSlots != null ? taskSlots : fallback.taskSlots);
    }
}
