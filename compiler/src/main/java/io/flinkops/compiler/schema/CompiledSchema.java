package io.flinkops.compiler.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AbsoluteIri;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.serialization.NodeReader;
import io.flinkops.compiler.yaml.JsonTrees;
import io.flinkops.compiler.yaml.Pointers;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/** A JSON Schema (draft 7) compiled once by networknt and applied to many documents, thread-safe. */
public final class CompiledSchema {
    private static final SchemaRegistryConfig CONFIG = SchemaRegistryConfig.builder()
            .locale(Locale.ROOT)
            .formatAssertionsEnabled(false)
            .typeLoose(false)
            .failFast(false)
            .losslessNarrowing(true)
            .preloadSchema(false)
            .errorMessageKeyword("errorMessage") // a schema may word its own messages per keyword (spec-schemas.yaml)
            .regularExpressionFactory(BoundedPatterns.INSTANCE)
            .build();

    private final Schema schema;

    private CompiledSchema(Schema schema) {
        this.schema = schema;
    }

    /**
     * Compiles eagerly, so that a broken schema (a custom rule's, say) fails here with its reason
     * rather than on the first document that reaches it.
     */
    public static CompiledSchema compileNow(JsonNode userSchema) {
        JsonNode schemaNode = SchemaNodes.copy(userSchema);
        List<Violation> wrong = MetaSchema.DRAFT_7.validate(schemaNode);
        if (!wrong.isEmpty()) {
            throw new InvalidSchema(wrong.get(0).pointer(), wrong.get(0).message());
        }
        Optional<InvalidSchema> badPattern = firstBadPattern(schemaNode, "");
        if (badPattern.isPresent()) {
            throw badPattern.get();
        }
        AtomicReference<String> outside = new AtomicReference<>();
        CompiledSchema compiled;
        try {
            compiled = compile(schemaNode, iri -> {
                outside.compareAndSet(null, iri.toString());
                return false;
            });
            compiled.schema.initializeValidators();
        } catch (RuntimeException e) {
            if (outside.get() != null) {
                throw new InvalidSchema("its $ref '" + outside.get() + "' leads outside it: a custom rule's schema may"
                        + " refer only to its own parts ('#/definitions/...'), as flinkops loads no schema from the network,"
                        + " the disk or its own class path", e);
            }
            throw e;
        }
        try {
            // a $ref that leads back to itself without looking into the value recurses on any value
            compiled.schema.validate(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode());
        } catch (StackOverflowError e) {
            throw new InvalidSchema("", "its $ref chain leads back to itself without end");
        }
        return compiled;
    }

    /** A schema that cannot be used, with the JSON pointer (within the schema) of what is wrong, "" when it is the whole. */
    public static final class InvalidSchema extends IllegalArgumentException {
        private final String pointer;

        InvalidSchema(String pointer, String message) {
            super(message);
            this.pointer = pointer;
        }

        InvalidSchema(String message, Throwable cause) {
            super(message, cause);
            this.pointer = "";
        }

        public String pointer() {
            return pointer;
        }
    }

    private static final List<String> SCHEMA_MAPS = List.of("properties", "patternProperties", "definitions", "dependencies");
    /** Keywords whose value is a list of schemas; {@code items} may be one (a tuple) or a single schema (below). */
    private static final List<String> SCHEMA_LISTS = List.of("allOf", "anyOf", "oneOf", "items");
    private static final List<String> SCHEMAS = List.of("items", "additionalItems", "additionalProperties", "contains",
            "propertyNames", "if", "then", "else", "not");

    /** The first {@code pattern} (or {@code patternProperties} key) of a draft-7 schema that does not compile. */
    private static Optional<InvalidSchema> firstBadPattern(JsonNode schema, String at) {
        if (!schema.isObject()) {
            return Optional.empty();
        }
        JsonNode pattern = schema.get("pattern");
        if (pattern != null && pattern.isTextual()) {
            Optional<String> why = BoundedPatterns.whyNot(pattern.asText());
            if (why.isPresent()) {
                return Optional.of(new InvalidSchema(Pointers.child(at, "pattern"), why.get()));
            }
        }
        for (String key : SCHEMA_MAPS) {
            for (Map.Entry<String, JsonNode> e : schema.path(key).properties()) {
                String inner = Pointers.child(Pointers.child(at, key), e.getKey());
                Optional<String> why = key.equals("patternProperties") ? BoundedPatterns.whyNot(e.getKey()) : Optional.empty();
                Optional<InvalidSchema> bad = why.map(w -> new InvalidSchema(inner, w)).or(() -> firstBadPattern(e.getValue(), inner));
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        for (String key : SCHEMA_LISTS) {
            JsonNode list = schema.path(key);
            for (int i = 0; list.isArray() && i < list.size(); i++) {
                Optional<InvalidSchema> bad = firstBadPattern(list.get(i), Pointers.child(Pointers.child(at, key), i));
                if (bad.isPresent()) {
                    return bad;
                }
            }
        }
        for (String key : SCHEMAS) {
            Optional<InvalidSchema> bad = firstBadPattern(schema.path(key), Pointers.child(at, key));
            if (bad.isPresent()) {
                return bad;
            }
        }
        return Optional.empty();
    }

    /**
     * The draft-7 meta-schema networknt ships, loaded when a schema from a user is first checked: read
     * into {@link SchemaNodes} by {@link JsonTrees}, as networknt's own reader would make an ObjectMapper.
     */
    private static final class MetaSchema {
        static final CompiledSchema DRAFT_7 = new CompiledSchema(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(CONFIG).nodeReader(new SchemaReader()))
                .getSchema(com.networknt.schema.SchemaLocation.of("http://json-schema.org/draft-07/schema#")));
    }

    /** JSON into {@link SchemaNodes}; the only schemas networknt reads itself are its meta-schemas, all JSON. */
    private static final class SchemaReader implements NodeReader {
        @Override
        public JsonNode readTree(String content, InputFormat format) throws IOException {
            return readTree(new java.io.ByteArrayInputStream(content.getBytes(java.nio.charset.StandardCharsets.UTF_8)), format);
        }

        @Override
        public JsonNode readTree(InputStream content, InputFormat format) throws IOException {
            if (format != InputFormat.JSON) {
                throw new IOException("only JSON schemas are read here, not " + format);
            }
            return JsonTrees.read(content, SchemaNodes.INSTANCE);
        }
    }

    public static CompiledSchema compile(JsonNode schemaNode) {
        return compile(schemaNode, iri -> false);
    }

    /**
     * {@code allowLoading} is asked for every schema a {@code $ref} names outside the one compiled, and
     * says no: a $ref in a policy set's schema must reach neither the network nor the disk, nor the
     * resources on flinkops' class path (networknt's loader would read {@code classpath:} IRIs).
     */
    private static CompiledSchema compile(JsonNode schemaNode, Predicate<AbsoluteIri> allowLoading) {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                b -> b.schemaRegistryConfig(CONFIG).schemaLoader(l -> l.fetchRemoteResources(false).allow(allowLoading)));
        // Validators are built as documents reach them: a one-file run compiles only the parts of the
        // 500 KB FlinkDeployment schema its document uses.
        return new CompiledSchema(registry.getSchema(schemaNode));
    }

    public List<Violation> validate(JsonNode document) {
        List<Error> errors = schema.validate(document);
        Set<Violation> out = new LinkedHashSet<>();
        for (Error e : errors) {
            String pointer = pointer(e.getInstanceLocation());
            String keyword = e.getKeyword() == null ? "" : e.getKeyword();
            if (keyword.equals("additionalProperties")) {
                pointer = Pointers.child(pointer, e.getProperty()); // the unknown field itself
            }
            String field = Pointers.dotted(pointer, document);
            String message = switch (keyword) {
                case "additionalProperties" -> "unknown field '" + field + "'" + ViolationHints.unknownField(e, schema.getSchemaNode());
                case "required" -> {
                    String missing = e.getProperty() != null ? e.getProperty() : String.valueOf(first(e.getArguments()));
                    yield "missing required field '" + Pointers.dotted(Pointers.child(pointer, missing), document) + "'";
                }
                default -> {
                    JsonNode value = e.getInstanceNode();
                    // a schema's own wording (errorMessage) says what is wanted; the value it judged goes in front
                    String said = e.isCustomMessage() && value != null && value.isValueNode()
                            ? field + ": '" + value.asText() + "' " + e.getMessage()
                            : field + ": " + stripLocation(e.getMessage());
                    yield switch (keyword) {
                        case "enum" -> said + ViolationHints.enumValue(e);
                        case "type" -> said + ViolationHints.type(e, pointer);
                        default -> said;
                    };
                }
            };
            out.add(new Violation(pointer, field, keyword, message));
        }
        return new ArrayList<>(out);
    }

    private static Object first(Object[] args) {
        return args == null || args.length == 0 ? "?" : args[0];
    }

    private static String stripLocation(String message) {
        if (message == null) {
            return "is invalid";
        }
        int i = message.indexOf(": ");
        if (message.startsWith("$") || message.startsWith("/")) {
            return i >= 0 ? message.substring(i + 2) : message;
        }
        return message;
    }

    static String pointer(NodePath path) {
        StringBuilder sb = new StringBuilder();
        List<Object> parts = new ArrayList<>();
        for (int i = 0; i < path.getNameCount(); i++) {
            parts.add(path.getElement(i));
        }
        for (Object part : parts) {
            if (part instanceof Integer idx) {
                sb.append(Pointers.child("", idx));
            } else {
                sb.append(Pointers.child("", String.valueOf(part)));
            }
        }
        return sb.toString();
    }
}
