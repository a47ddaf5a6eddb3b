package io.flinkops.compiler.load;

import io.flinkops.compiler.model.Environment;
import io.flinkops.compiler.model.FlinkSpec;
import io.flinkops.compiler.model.RawResource;
import java.util.List;
import java.util.Map;

/**
 * One environment and every spec in its folder, in path order (duplicates left out), with the
 * emission key of each document its spec files hold, duplicates included, by file.
 */
public record EnvironmentSources(Environment environment, List<FlinkSpec> specs, List<RawResource> raws,
        Map<String, List<String>> emissionKeys) {}
