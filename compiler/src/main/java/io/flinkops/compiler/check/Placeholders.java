package io.flinkops.compiler.check;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Template placeholders left in a manifest: {@code ${JOB_NAME}} for envsubst and shells,
 * {@code {{ .Values.name }}} for Helm, Jinja and Hugo. The cluster gets them as they are written
 * when nothing renders the file first, so a finding on such a value names the placeholder.
 */
public final class Placeholders {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^{}\\s]{1,100}}|\\{\\{[^{}]{1,200}}}");

    private Placeholders() {}

    /**
     * Whether {@code text} holds the start of a placeholder ({@code ${} or <code>{{</code>), the test
     * rules use to leave a value to the stage that renders it.
     */
    public static boolean holdsOne(String text) {
        return text.contains("${") || text.contains("{{");
    }

    /** The first placeholder in the value at {@code pointer} of {@code object}, if that value is text holding one. */
    static Optional<String> at(JsonNode object, String pointer) {
        JsonNode value;
        try {
            value = object.at(pointer);
        } catch (IllegalArgumentException notAPointer) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(value.textValue());
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** What a finding adds when its value holds a placeholder. */
    static String hint(String placeholder) {
        return " (" + placeholder + " is an unrendered template placeholder)";
    }
}
