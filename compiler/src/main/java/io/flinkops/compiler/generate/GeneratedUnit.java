package io.flinkops.compiler.generate;

import io.flinkops.compiler.model.Egress;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.yaml.SourceMap;
import java.util.List;

/**
 * What one spec or raw resource contributes to its environment: its workload object (null when it
 * could not be generated, or has no namespace) and the facts the environment-wide objects are made
 * of (its namespace, whether its cluster runs in native mode, its declared egress, a session job's
 * cluster). Raw resources have no cluster and no egress.
 */
public record GeneratedUnit(String file, SourceMap source, SpecKind kind, String namespace, String name, String cluster,
        boolean nativeMode, List<Egress> egress, EmittedObject workload) {}
