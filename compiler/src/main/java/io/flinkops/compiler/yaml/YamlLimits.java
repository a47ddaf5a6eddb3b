package io.flinkops.compiler.yaml;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import java.util.Locale;

/**
 * Bounds that keep a hostile file from taking unbounded time or memory. The defaults are far above
 * any real Flink spec (the largest real FlinkDeployment we know is a few hundred lines).
 *
 * @param maxBytes largest file read, in bytes
 * @param maxDepth deepest nesting of mappings and sequences
 * @param maxAliases most aliases to mappings or sequences in one file
 * @param maxNodes most nodes in one document after aliases are expanded
 * @param maxDocuments most documents in one file or stream
 * @param maxPathCharacters most characters in the paths (such as {@code /spec/job/args/0}) of one
 *     document's nodes together: long keys nested deeply would otherwise make gigabytes of paths
 */
public record YamlLimits(long maxBytes, int maxDepth, int maxAliases, int maxNodes, int maxDocuments, long maxPathCharacters) {
    public static final YamlLimits DEFAULT = new YamlLimits(4L * 1024 * 1024, 64, 32, 100_000, 10_000, 16L * 1024 * 1024);

    /** The same limits for an input that may be larger (standard input). */
    public YamlLimits withMaxBytes(long bytes) {
        return new YamlLimits(bytes, maxDepth, maxAliases, maxNodes, maxDocuments, maxPathCharacters);
    }

    /** The error for a file of {@code size} bytes when that is over {@link #maxBytes}. */
    public InputException tooLarge(String file, long size) {
        return new InputException(SourceLocation.start(file), String.format(Locale.ROOT,
                "file is %,d bytes, over the limit of %,d bytes for one YAML file", size, maxBytes));
    }
}
