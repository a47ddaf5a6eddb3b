package io.flinkops.compiler.model;

import io.flinkops.compiler.yaml.LocatedDocument;

/** An operator custom resource written by hand, carried through as it is. */
public record RawResource(SpecKind kind, String name, String namespace, LocatedDocument document) {}
