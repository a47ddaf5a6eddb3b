package io.flinkops.compiler.load;

import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.FlinkSpec;
import io.flinkops.compiler.model.RawResource;
import java.util.List;

/** One environment and every spec in its folder, in path order. */
public record EnvironmentSources(Environment environment, List<FlinkSpec> specs, List<RawResource> raws) {}
