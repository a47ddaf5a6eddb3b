package io.flinkops.compiler.check.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.schema.CompiledSchema;
import io.flinkops.compiler.schema.CrdSchemas;
import io.flinkops.compiler.schema.CrdSource;
import io.flinkops.compiler.schema.Violation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

@Rule(
        id = "crd-schema",
        category = Category.SCHEMA,
        severity = Severity.ERROR,
        summary = "Custom resources must match the operator's CRD schema, with no unknown fields",
        rationale = "The API server validates custom resources against the CRD's openAPIV3Schema and, with strict "
                + "field validation (kubectl's default), rejects unknown fields, wrong types and values outside enums. "
                + "A value that only looks right (a number where the CRD wants a string) is rejected too. A status in "
                + "the manifest of a kind whose status is a subresource (the operator's kinds) is dropped before "
                + "validation, so only its unknown fields count. A patch under overlays/ is "
                + "held to the fields and types it writes, not to being a whole object (kustomize merges it into one). "
                + "A resource of another API group is judged by a CRD file named with --crd or spec.operator.crdFiles "
                + "that defines its kind, and is not judged without one.",
        remediation = "Fix the field as the message says: rename or remove unknown fields (the message names the declared field "
                + "a misspelt one likely meant, and says when a field is Amazon EMR on EKS's or another built-in operator "
                + "version's), quote numbers the CRD types as strings (the message shows how to write a value of the wrong type), "
                + "use listed enum values (the message names the one a value written in another case or with other separators "
                + "meant, such as last-state for last_state); for a kind or version the CRDs do not define, run an operator "
                + "version, or name a CRD file, that does.")
public final class CrdSchemaViolation extends RuleCheck {
    /** Fields of Amazon EMR on EKS's FlinkDeployment, a flavour of the operator whose CRD the Apache one is not. */
    private static final Set<String> EMR_FIELDS = Set.of("spec.executionRoleArn", "spec.emrReleaseLabel", "spec.monitoringConfiguration",
            "spec.jobManager.highAvailabilityEnabled", "spec.jobManager.storageDir");

    /** What a strategic-merge patch need not hold, as kustomize merges it into an object that does. */
    private static final Set<String> WHOLE_OBJECT_KEYWORDS = Set.of("required", "minItems", "minProperties");

    private final CrdSchemas schemas;
    private final boolean patches;

    public CrdSchemaViolation(CrdSchemas schemas) {
        this(schemas, false);
    }

    private CrdSchemaViolation(CrdSchemas schemas, boolean patches) {
        this.schemas = schemas;
        this.patches = patches;
    }

    /**
     * The rule for strategic-merge patches (overlays/<env>/<root>/patches/): what a patch writes must fit
     * the CRD (a misspelt field, a string for a number), but it need not be whole, and its directives
     * ({@code $patch}, {@code $retainKeys}, {@code $setElementOrder/...}) are kustomize's, not fields.
     */
    public static CrdSchemaViolation forPatches(CrdSchemas schemas) {
        return new CrdSchemaViolation(schemas, true);
    }

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isFlinkApi()) {
            checkOtherKind(t, r);
            return;
        }
        Optional<CompiledSchema> schema = Optional.empty();
        for (CrdSource crd : t.view().crds()) {
            schema = schemas.fromSource(crd, t.kind(), t.object().apiVersion());
            if (schema.isPresent()) {
                break;
            }
        }
        boolean builtIn = schema.isEmpty();
        if (schema.isEmpty() && CrdSchemas.isBuiltIn(t.operatorVersion())) {
            schema = schemas.forKind(t.operatorVersion(), t.kind(), t.object().apiVersion());
        }
        if (schema.isEmpty()) {
            List<String> definedBy = CrdSchemas.BUILT_IN.stream()
                    .filter(v -> !v.equals(t.operatorVersion()) && schemas.forKind(v, t.kind(), t.object().apiVersion()).isPresent())
                    .toList();
            r.report("/kind", "operator " + t.operatorVersion() + " defines no " + t.kind() + " " + t.object().apiVersion()
                    + (CrdSchemas.isBuiltIn(t.operatorVersion()) ? "" : " among the built-in CRDs (name a CRD file with --crd or spec.operator.crdFiles)")
                    + (definedBy.isEmpty() ? "" : "; operator " + String.join(" and ", definedBy) + " does"));
            return;
        }
        report(schema.get(), true, builtIn, t, r);
    }

    /**
     * A kind of another API group is judged only by a CRD file the user named (--crd,
     * spec.operator.crdFiles) that defines it: an overlay's PodMonitor, say. Without one, flinkops does
     * not know the kind's schema and says nothing of it.
     */
    private void checkOtherKind(CheckTarget t, Reporter r) {
        String apiVersion = t.object().apiVersion();
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return; // the core group, which no CRD defines
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        for (CrdSource crd : t.view().crds()) {
            Optional<JsonNode> definition = crd.definition(group, t.kind());
            if (definition.isEmpty()) {
                continue;
            }
            Optional<CompiledSchema> schema = schemas.fromSource(crd, t.kind(), apiVersion);
            if (schema.isEmpty()) {
                r.report("/apiVersion", "CRD file " + crd.name() + " defines " + t.kind() + " in " + group + " but serves no version " + version);
            } else {
                report(schema.get(), statusIsSubresource(definition.get(), version), false, t, r);
            }
            return;
        }
    }

    private static boolean statusIsSubresource(JsonNode crd, String version) {
        for (JsonNode v : crd.path("spec").path("versions")) {
            if (version.equals(v.path("name").asText())) {
                return v.path("subresources").has("status");
            }
        }
        return false;
    }

    /**
     * {@code statusDropped}: the kind's status is a subresource (the operator's kinds), see {@link #isStatus};
     * {@code builtIn}: the schema is a built-in operator version's, so the other built-in versions can
     * say whether they know a field this one does not.
     */
    private void report(CompiledSchema schema, boolean statusDropped, boolean builtIn, CheckTarget t, Reporter r) {
        JsonNode pruned = withoutNulls(t.root(), patches);
        Map<String, Set<String>> unknownByVersion = new HashMap<>();
        for (Violation v : schema.validate(pruned)) {
            if (statusDropped && isStatus(v.pointer()) && !v.keyword().equals("additionalProperties")) {
                continue;
            }
            if (patches && WHOLE_OBJECT_KEYWORDS.contains(v.keyword())) {
                continue;
            }
            r.report(v.pointer(), explained(v, builtIn, t, pruned, unknownByVersion));
        }
    }

    /**
     * An unknown field's message, with where the field does belong when flinkops knows: to Amazon EMR on
     * EKS's FlinkDeployment, or to another built-in operator version's CRD (a 1.10 field in an
     * environment that runs 1.7).
     */
    private String explained(Violation v, boolean builtIn, CheckTarget t, JsonNode object, Map<String, Set<String>> unknownByVersion) {
        if (!v.keyword().equals("additionalProperties") || !t.isFlinkApi()) {
            return v.message();
        }
        if (EMR_FIELDS.contains(v.field())) {
            return v.message() + ", a field of Amazon EMR on EKS's FlinkDeployment: to judge that flavour, name EMR's CRD with --crd"
                    + " or spec.operator.crdFiles";
        }
        if (!builtIn) {
            return v.message();
        }
        List<String> knownBy = new ArrayList<>();
        for (String version : CrdSchemas.BUILT_IN) {
            Optional<CompiledSchema> other = version.equals(t.operatorVersion()) ? Optional.empty()
                    : schemas.forKind(version, t.kind(), t.object().apiVersion());
            if (other.isPresent()
                    && !unknownByVersion.computeIfAbsent(version, x -> unknownFields(other.get(), object)).contains(v.pointer())) {
                knownBy.add(version);
            }
        }
        return knownBy.isEmpty() ? v.message()
                : v.message() + " (operator " + String.join(" and ", knownBy) + " has it; this object is judged as operator "
                        + t.operatorVersion() + "'s)";
    }

    private static Set<String> unknownFields(CompiledSchema schema, JsonNode object) {
        Set<String> out = new HashSet<>();
        for (Violation v : schema.validate(object)) {
            if (v.keyword().equals("additionalProperties")) {
                out.add(v.pointer());
            }
        }
        return out;
    }

    /**
     * A status written in a manifest of a kind whose status is a subresource is never validated: the API
     * server drops it on create (and keeps the stored one on update) before it checks the object. Its unknown fields are still refused, as
     * strict field validation finds them while decoding, before the status is dropped.
     */
    private static boolean isStatus(String pointer) {
        return pointer.equals("/status") || pointer.startsWith("/status/");
    }

    /**
     * The API server drops null values of fields that are not nullable before validating (in a patch a
     * null deletes the field); {@code withoutDirectives} drops a patch's {@code $}-keys too.
     */
    static JsonNode withoutNulls(JsonNode node, boolean withoutDirectives) {
        if (node instanceof ObjectNode o) {
            ObjectNode copy = o.objectNode();
            for (var e : o.properties()) {
                if (!e.getValue().isNull() && !(withoutDirectives && e.getKey().startsWith("$"))) {
                    copy.set(e.getKey(), withoutNulls(e.getValue(), withoutDirectives));
                }
            }
            return copy;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode copy = a.arrayNode();
            a.forEach(n -> copy.add(withoutNulls(n, withoutDirectives)));
            return copy;
        }
        return node;
    }
}
