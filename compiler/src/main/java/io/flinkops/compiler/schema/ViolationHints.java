package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import io.flinkops.compiler.yaml.WrittenScalars;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a schema violation's message adds when flinkops can tell how to fix it: the field a misspelt one
 * meant, the listed value a near miss meant, how to write a value of the wrong type.
 */
final class ViolationHints {
    private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");
    private static final Pattern NUMBER = Pattern.compile("-?([0-9]{1,18}(\\.[0-9]{0,18})?|\\.[0-9]{1,18})");
    private static final Pattern MILLIS = Pattern.compile("[0-9]{1,9}m");

    private ViolationHints() {}

    /**
     * For an unknown field, " (did you mean 'x'?)" when one of the fields its object declares is a
     * likely spelling of it (see {@link FieldSuggestions}); else nothing.
     */
    static String unknownField(Error e, JsonNode rootSchema) {
        if (e.getProperty() == null || e.getSchemaLocation() == null) {
            return "";
        }
        // the keyword's own location ends in additionalProperties; the properties beside it are declared
        NodePath keyword = e.getSchemaLocation().getFragment();
        JsonNode declared = rootSchema.at(CompiledSchema.pointer(keyword.getParent())).path("properties");
        if (!declared.isObject()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        declared.fieldNames().forEachRemaining(names::add);
        return FieldSuggestions.closest(e.getProperty(), names).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /** For a value outside an enum, " (did you mean 'x'?)" when one listed value is a likely spelling of it. */
    static String enumValue(Error e) {
        JsonNode value = e.getInstanceNode();
        JsonNode listed = e.getSchemaNode();
        if (value == null || !value.isTextual() || listed == null || !listed.isArray()) {
            return "";
        }
        List<String> names = new ArrayList<>();
        listed.forEach(v -> {
            if (v.isTextual()) {
                names.add(v.textValue());
            }
        });
        return FieldSuggestions.closestValue(value.textValue(), names).map(name -> " (did you mean '" + name + "'?)").orElse("");
    }

    /**
     * For a value of the wrong type, how to write it when the fix is mechanical: a number or a boolean
     * where the CRD wants a string is quoted ("2"), a number written as a string where it wants a
     * number is not (2), and a CPU quantity in millicores where it wants cores becomes cores (0.5).
     */
    static String type(Error e, String pointer) {
        JsonNode value = e.getInstanceNode();
        JsonNode expected = e.getSchemaNode();
        if (value == null || expected == null || !expected.isTextual()) {
            return "";
        }
        String want = expected.textValue();
        String written = WrittenScalars.text(value); // "yes" rather than true, "1.10" rather than 1.1
        if (want.equals("string") && value.isIntegralNumber() && pointer.endsWith("/resource/memory")
                && value.canConvertToLong() && value.asLong() >= 0 && value.asLong() < 1_000_000) {
            return " (write it quoted, with its unit: \"" + value.asText() + "m\" is " + value.asText() + " MiB)"; // a bare number is bytes
        }
        if (want.equals("string") && (value.isNumber() || value.isBoolean())) {
            return " (write it quoted: \"" + written + "\"" + (WrittenScalars.readOtherwise(value) ? ", unquoted it reads as " + value.asText() : "") + ")";
        }
        if (want.equals("string") && value.isObject() && pointer.startsWith("/spec/flinkConfiguration/")) {
            String key = pointer.substring("/spec/flinkConfiguration/".length());
            StringBuilder flat = new StringBuilder(key.replace("~1", "/").replace("~0", "~"));
            for (JsonNode n = value; n.isObject() && n.size() > 0; ) {
                var first = n.fields().next();
                flat.append('.').append(first.getKey());
                n = first.getValue();
            }
            return " (write each key whole, such as " + flat + ")";
        }
        if (!value.isTextual()) {
            return "";
        }
        String text = value.textValue().trim();
        if (want.equals("integer") && WHOLE.matcher(text).matches()) {
            return " (write it unquoted: " + text + ")";
        }
        if (want.equals("number") && NUMBER.matcher(text).matches()) {
            return " (write it unquoted: " + text + ")";
        }
        if (want.equals("number") && MILLIS.matcher(text).matches()) {
            BigDecimal cores = new BigDecimal(text.substring(0, text.length() - 1)).movePointLeft(3);
            return " (in cores: " + cores.stripTrailingZeros().toPlainString() + ")";
        }
        if (want.equals("array")) {
            return " (write it as a list, one item per line starting with '- ')";
        }
        return "";
    }
}
