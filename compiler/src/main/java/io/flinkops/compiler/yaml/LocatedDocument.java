package io.flinkops.compiler.yaml;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.SourceLocation;

/** One parsed YAML document: its tree, where each node came from, and its place in the file. */
public record LocatedDocument(String file, int index, JsonNode root, SourceMap sourceMap) {

    public SourceLocation start() {
        return sourceMap.document();
    }
}
