package io.flinkops.compiler.load;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Reads {@code overlays/<env>/<root>/patches/*.yaml} and {@code overlays/<env>/<root>/resources/*.yaml}. */
public final class OverlayLoader {
    public static final String OVERLAYS = "overlays";
    public static final String INVALID = "overlay-invalid";

    private final YamlReader yaml;

    public OverlayLoader(YamlReader yaml) {
        this.yaml = yaml;
    }

    /**
     * Overlay files of no environment: under {@code overlays/<name>/} where no environment is named so (a
     * typo or a removed environment, whose patches would otherwise silently stop applying), or directly in
     * {@code overlays/}. For whole-repository runs, which know every environment.
     */
    public static List<Diagnostic> orphans(SourceTree tree, Set<String> environments) {
        List<Diagnostic> out = new ArrayList<>();
        List<String> paths = tree.list(OVERLAYS);
        for (String link : tree.folderLinks(OVERLAYS)) {
            // a link in an environment's overlays is named when that environment loads them
            if (!environments.contains(link.split("/")[1])) {
                out.add(Problems.folderLinkNotRead(link));
            }
        }
        for (String path : paths) {
            String[] parts = path.split("/");
            if (!SourceTree.isYaml(path) || parts.length > 2 && environments.contains(parts[1])) {
                continue;
            }
            out.add(Problems.of(INVALID, SourceLocation.start(path), "", parts.length == 2
                            ? "overlay file " + path + " is in no environment's folder"
                            : "overlay file " + path + " is in overlays/" + parts[1] + "/, but there is no environment "
                                    + parts[1] + " (environments: " + String.join(", ", environments) + ")",
                    "Put overlays under overlays/<env>/<root>/patches/ or resources/ of an environment in environments/."));
        }
        return out;
    }

    public List<Overlay> load(SourceTree tree, String environment, Diagnostics diagnostics) {
        List<Overlay> out = new ArrayList<>();
        List<String> paths = tree.list(OVERLAYS + "/" + environment);
        // asked after the listing, which finds them on its walk
        tree.folderLinks(OVERLAYS + "/" + environment).forEach(link -> diagnostics.add(Problems.folderLinkNotRead(link)));
        for (String path : paths) {
            String[] parts = path.split("/");
            if (SourceTree.isJson(path)) {
                diagnostics.add(Problems.overlayJsonNotRead(path));
                continue;
            }
            if (SourceTree.looksLikeYamlUnread(path)) {
                diagnostics.add(Problems.extensionNotRead(path));
                continue;
            }
            if (!SourceTree.isYaml(path)) {
                continue;
            }
            Overlay.Kind kind;
            if (parts.length == 5 && parts[3].equals("patches")) {
                kind = Overlay.Kind.PATCH;
            } else if (parts.length == 5 && parts[3].equals("resources")) {
                kind = Overlay.Kind.RESOURCE;
            } else {
                diagnostics.add(Problems.of(INVALID, SourceLocation.start(path), "",
                        "overlay file " + path + " is neither under patches/ nor under resources/ of a root",
                        "Put patches in overlays/<env>/<root>/patches/ and extra resources in overlays/<env>/<root>/resources/."));
                continue;
            }
            try {
                byte[] bytes = tree.read(path).orElseThrow();
                List<LocatedDocument> docs = yaml.read(path, bytes);
                if (docs.size() != 1) {
                    diagnostics.add(Problems.of(INVALID, SourceLocation.start(path), "",
                            "overlay file holds " + docs.size() + " documents; one patch or resource per file",
                            "Keep one patch or resource per file."));
                    continue;
                }
                out.add(new Overlay(environment, parts[2], kind, path, bytes, docs.get(0)));
            } catch (InputException e) {
                diagnostics.add(Problems.unreadable(e));
            }
        }
        return out;
    }
}
