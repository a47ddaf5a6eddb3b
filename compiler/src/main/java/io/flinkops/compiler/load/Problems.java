package io.flinkops.compiler.load;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.source.SourceTree;

/** The rule ids of the load stage, and how its findings are built. */
public final class Problems {
    /** The file cannot be read as YAML at all; the run exits with code 2. */
    public static final String UNREADABLE = "unreadable-input";
    /** A document whose apiVersion and kind flinkops does not know. */
    public static final String UNKNOWN_KIND = "unknown-kind";
    /** A flinkops.io spec that does not match its published schema. */
    public static final String SPEC_INVALID = "spec-invalid";
    /** A reference that points at nothing: a size, a namespace, a session cluster. */
    public static final String UNRESOLVED = "unresolved-reference";
    /** Layout rules of the repository: one resource per file, names that match folders, duplicates. */
    public static final String LAYOUT = "repository-layout";
    /** A file that looks like a spec where flinkops reads specs, which it does not read. */
    public static final String NOT_READ = "file-not-read";

    private Problems() {}

    public static Diagnostic of(String rule, SourceLocation at, String pointer, String message, String fix) {
        return new Diagnostic(rule, Category.PARSE, Severity.ERROR, at, pointer, message, fix);
    }

    /** A warning on a file flinkops passes over, saying why ({@code reason} completes "not read: "). */
    public static Diagnostic notRead(String path, String reason) {
        return notRead(path, reason, SourceTree.isYaml(path) ? "Move the file into the folder of its environment, environments/<env>/."
                : "Rename the file to end in .yaml or .yml, in lower case.");
    }

    public static Diagnostic notRead(String path, String reason, String fix) {
        return new Diagnostic(NOT_READ, Category.PARSE, Severity.WARNING, SourceLocation.start(path), "",
                "not read: " + reason, fix);
    }

    /** The warning for a file flinkops passes over by its extension: YAML's in another case, or JSON. */
    public static Diagnostic extensionNotRead(String path) {
        if (SourceTree.isJson(path)) {
            return notRead(path, "flinkops reads files ending in .yaml or .yml, so nothing in this JSON file is compiled or checked",
                    "Rename the file to end in .yaml: its JSON is YAML as it is.");
        }
        return notRead(path, "flinkops reads files ending in .yaml or .yml, in lower case (as kubectl and Argo CD do), "
                + "so nothing in this file is compiled or checked");
    }

    /** The warning for a JSON file among overlays: most often a JSON 6902 patch, which kustomize applies and flinkops does not. */
    public static Diagnostic overlayJsonNotRead(String path) {
        return notRead(path, "flinkops applies overlays written in files ending in .yaml or .yml (strategic-merge patches "
                        + "and extra resources), so this JSON file (a JSON 6902 patch?) is neither checked nor applied",
                "Write the change as a strategic-merge patch in a .yaml file; an extra resource in JSON can be renamed to .yaml.");
    }

    /** The warning for a symbolic link to a folder where flinkops reads files: nothing under it is read. */
    public static Diagnostic folderLinkNotRead(String path) {
        return notRead(path, "a symbolic link to a folder, which flinkops does not follow (it follows links to files): "
                + "nothing under it is compiled or checked", "Keep the files in the folder itself, or link each file.");
    }

    public static Diagnostic unreadable(InputException e) {
        SourceLocation at = e.location() != null ? e.location() : new SourceLocation("-", 1, 1);
        return of(UNREADABLE, at, "", e.getMessage(), "Fix the file so that it is valid UTF-8 YAML within the documented limits.");
    }
}
