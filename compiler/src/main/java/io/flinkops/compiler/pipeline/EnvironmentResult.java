package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.policy.PolicyException;
import java.util.List;
import java.util.SortedMap;

/**
 * One compiled environment: its objects, the files they become, and the exceptions its run used.
 * {@code judged} are the objects the checks saw, what reaches the cluster: as the overlays' patches make
 * them, with the overlays' extra resources, without an object a patch deletes; reports count these.
 * {@code environment} is null when the result came from the cache (its objects then carry only their
 * identity, which is all reports need, and {@code objects} is empty).
 */
public record EnvironmentResult(
        String name, Environment environment, List<EmittedObject> objects, List<EmittedObject> judged,
        SortedMap<String, byte[]> files, List<PolicyException> usedExceptions) {

    public EnvironmentResult(Environment environment, List<EmittedObject> objects, List<EmittedObject> judged,
            SortedMap<String, byte[]> files, List<PolicyException> usedExceptions) {
        this(environment.name(), environment, objects, judged, files, usedExceptions);
    }
}
