package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.policy.PolicyException;
import java.util.List;
import java.util.SortedMap;

/** One compiled environment: its objects, the files they become, and the exceptions its run used. */
public record EnvironmentResult(
        Environment environment, List<EmittedObject> objects, SortedMap<String, byte[]> files, List<PolicyException> usedExceptions) {}
