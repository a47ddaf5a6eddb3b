package io.flinkops.compiler.check.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

@Rule(
        id = "k8s-object-too-large",
        category = Category.SCHEMA,
        severity = Severity.ERROR,
        summary = "An object must fit in what etcd stores for one object (1.5 MiB)",
        rationale = "etcd refuses a request over 1.5 MiB (its default --max-request-bytes, which EKS keeps), so the API "
                + "server cannot store an object that large (\"etcdserver: request is too large\"); over 3 MiB it refuses "
                + "the request itself. Inputs of a few megabytes pass every other check: a long value in flinkConfiguration, "
                + "a script in the pod template.",
        remediation = "Move large content out of the resource: a ConfigMap mounted through the pod template, a file in the image.")
public final class ObjectTooLarge extends RuleCheck {
    static final long LIMIT = 1_572_864;

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        long size = jsonLength(t.root(), 0);
        if (size > LIMIT) {
            r.report("", String.format(Locale.ROOT, "the object is at least %,d bytes as JSON, over the %,d bytes etcd stores "
                    + "in one object", size, LIMIT));
        }
    }

    /**
     * The length of the node as compact JSON, leaving out escapes and counting characters as bytes:
     * never more than the real size, so that the rule never fires on an object that fits. Stops
     * counting once past the limit.
     */
    static long jsonLength(JsonNode node, long sofar) {
        if (sofar > LIMIT) {
            return sofar;
        }
        if (node.isObject()) {
            long n = sofar + 2 + Math.max(0, node.size() - 1);
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (n > LIMIT) {
                    break;
                }
                n = jsonLength(e.getValue(), n + e.getKey().length() + 3);
            }
            return n;
        }
        if (node.isArray()) {
            long n = sofar + 2 + Math.max(0, node.size() - 1);
            for (Iterator<JsonNode> it = node.elements(); it.hasNext() && n <= LIMIT; ) {
                n = jsonLength(it.next(), n);
            }
            return n;
        }
        if (node.isTextual()) {
            return sofar + node.textValue().length() + 2;
        }
        return sofar + node.asText().length();
    }
}
