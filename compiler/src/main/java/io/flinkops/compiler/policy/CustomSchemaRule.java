package io.flinkops.compiler.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.schema.CompiledSchema;
import io.flinkops.compiler.schema.Violation;
import java.util.List;
import java.util.Map;

/** A rule declared in a policy set: objects that match get checked against a JSON Schema. */
public final class CustomSchemaRule extends RuleCheck {
    private final List<String> kinds;
    private final List<String> namespaces;
    private final Map<String, String> labels;
    private final CompiledSchema schema;
    private final String message;

    public CustomSchemaRule(RuleInfo info, List<String> kinds, List<String> namespaces, Map<String, String> labels,
            CompiledSchema schema, String message) {
        super(info);
        this.kinds = kinds;
        this.namespaces = namespaces;
        this.labels = labels;
        this.schema = schema;
        this.message = message;
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!kinds.isEmpty() && !kinds.contains(t.kind())) {
            return;
        }
        if (!namespaces.isEmpty() && !namespaces.contains(t.object().namespace())) {
            return;
        }
        JsonNode objectLabels = t.root().path("metadata").path("labels");
        for (var e : labels.entrySet()) {
            if (!e.getValue().equals(objectLabels.path(e.getKey()).asText(null))) {
                return;
            }
        }
        for (Violation v : schema.validate(t.root())) {
            r.report(v.pointer(), message + " (" + v.message() + ")");
        }
    }
}
