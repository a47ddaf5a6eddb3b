package io.flinkops.compiler.check.operator;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;
import java.util.Set;

@Rule(
        id = "operator-number-out-of-range",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "Whole numbers the operator reads fit its Java types",
        rationale = "The CRDs type these fields only as integer, so the API server stores any whole number. The operator "
                + "reads parallelism, replicas and backoffLimit as a Java int and the nonces as a long, and cannot "
                + "read a resource whose value does not fit: it is never reconciled.",
        remediation = "Use a whole number from -2147483648 to 2147483647 for parallelism, replicas and backoffLimit, "
                + "and one that fits in 64 bits for a nonce.")
public final class NumberOutOfRange extends RuleCheck {
    private record Field(Set<String> kinds, String pointer, boolean int32) {
        Field(String pointer, boolean int32, String... kinds) {
            this(Set.of(kinds), pointer, int32);
        }
    }

    private static final String DEPLOYMENT = "FlinkDeployment";
    private static final String SESSION_JOB = "FlinkSessionJob";
    private static final List<Field> FIELDS = List.of(
            new Field("/spec/job/parallelism", true, DEPLOYMENT, SESSION_JOB),
            new Field("/spec/jobManager/replicas", true, DEPLOYMENT),
            new Field("/spec/taskManager/replicas", true, DEPLOYMENT),
            new Field("/spec/backoffLimit", true, "FlinkStateSnapshot"),
            new Field("/spec/restartNonce", false, DEPLOYMENT, SESSION_JOB),
            new Field("/spec/job/savepointTriggerNonce", false, DEPLOYMENT, SESSION_JOB),
            new Field("/spec/job/checkpointTriggerNonce", false, DEPLOYMENT, SESSION_JOB),
            new Field("/spec/job/savepointRedeployNonce", false, DEPLOYMENT, SESSION_JOB));

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!t.isFlinkApi()) {
            return;
        }
        for (Field f : FIELDS) {
            if (!f.kinds().contains(t.kind())) {
                continue;
            }
            JsonNode v = t.root().at(f.pointer());
            if (v.isIntegralNumber() && !(f.int32() ? v.canConvertToInt() : v.canConvertToLong())) {
                String name = f.pointer().substring("/spec/".length()).replace('/', '.');
                r.report(f.pointer(), "spec." + name + " is " + v.asText() + ", which does not fit the operator's "
                        + (f.int32() ? "int (at most 2147483647)" : "long (64 bits)") + "; the operator could not read the resource");
            }
        }
    }

    /** Whether a whole number fits where the operator reads an int (the other rules judge only numbers that fit). */
    static boolean fitsInt(JsonNode v) {
        return !v.isIntegralNumber() || v.canConvertToInt();
    }
}
