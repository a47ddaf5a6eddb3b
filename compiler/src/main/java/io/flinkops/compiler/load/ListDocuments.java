package io.flinkops.compiler.load;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.yaml.LocatedDocument;
import io.flinkops.compiler.yaml.SourceMap;
import java.util.ArrayList;
import java.util.List;

/**
 * kubectl and kustomize read a document whose kind ends in "List" ({@code kind: List} and the like)
 * as the resources in its {@code items}; a raw stream is checked the same way, each item located
 * where it was written.
 */
public final class ListDocuments {
    private ListDocuments() {}

    public static List<LocatedDocument> inline(List<LocatedDocument> documents, Diagnostics diagnostics) {
        List<LocatedDocument> out = new ArrayList<>(documents.size());
        for (LocatedDocument doc : documents) {
            inline(doc, out, diagnostics);
        }
        return out;
    }

    private static void inline(LocatedDocument doc, List<LocatedDocument> out, Diagnostics diagnostics) {
        JsonNode kind = doc.root().path("kind");
        if (!kind.isTextual() || !kind.textValue().endsWith("List")) {
            out.add(doc);
            return;
        }
        JsonNode items = doc.root().path("items");
        if (items.isMissingNode() || items.isNull()) {
            return; // an empty list
        }
        if (!items.isArray()) {
            diagnostics.add(Problems.of(Problems.UNKNOWN_KIND, doc.sourceMap().best("/items"), "/items",
                    kind.textValue() + " items must be a list of resources",
                    "Write each resource as an item of items, or as a document of its own."));
            return;
        }
        List<SourceMap> maps = doc.sourceMap().elements("/items", items.size());
        for (int i = 0; i < items.size(); i++) {
            inline(new LocatedDocument(doc.file(), doc.index(), items.get(i), maps.get(i)), out, diagnostics);
        }
    }
}
