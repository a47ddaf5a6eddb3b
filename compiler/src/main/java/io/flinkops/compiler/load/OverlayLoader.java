package io.flinkops.compiler.load;

import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.source.SourceTree;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.YamlReader;
import java.util.ArrayList;
import java.util.List;

/** Reads {@code overlays/<env>/<root>/patches/*.yaml} and {@code overlays/<env>/<root>/resources/*.yaml}. */
public final class OverlayLoader {
    public static final String OVERLAYS = "overlays";
    public static final String INVALID = "overlay-invalid";

    private final YamlReader yaml;

    public OverlayLoader(YamlReader yaml) {
        this.yaml = yaml;
    }

    public List<Overlay> load(SourceTree tree, String environment, Diagnostics diagnostics) {
        List<Overlay> out = new ArrayList<>();
        for (String path : tree.list(OVERLAYS + "/" + environment)) {
            String[] parts = path.split("/");
            if (SourceTree.looksLikeYamlUnread(path)) {
                diagnostics.add(Problems.extensionNotRead(path));
                continue;
            }
            if (!SourceTree.isYaml(path) || parts.length < 4) {
                continue;
            }
            String root = parts[2];
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
                out.add(new Overlay(environment, root, kind, path, bytes, docs.get(0)));
            } catch (InputException e) {
                diagnostics.add(Problems.unreadable(e));
            }
        }
        return out;
    }
}
