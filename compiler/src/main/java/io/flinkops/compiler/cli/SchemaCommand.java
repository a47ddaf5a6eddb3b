package io.flinkops.compiler.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.schema.SpecSchemas;

final class SchemaCommand extends Subcommand {

    SchemaCommand(FlinkopsCli parent) {
        super(parent, "schema",
                "Print the JSON Schema of a flinkops.io kind (Environment, PolicySet, FlinkJob, FlinkSessionCluster, FlinkSessionJob), for editors.");
        spec.addPositional(Specs.parameter("KIND", "0..1", String.class, "The kind; without it, a schema that accepts any of them.").build());
    }

    @Override
    public Integer call() throws Exception {
        String kind = Specs.value(spec.positionalParameters().get(0));
        CliContext ctx = parent.context();
        SpecSchemas schemas = new SpecSchemas();
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode out;
        if (kind == null) {
            out = mapper.createObjectNode();
            out.put("$schema", "http://json-schema.org/draft-07/schema#");
            out.put("$id", "https://flinkops.io/schemas/v1alpha1/all.json");
            var oneOf = out.putArray("oneOf");
            for (SpecKind k : SpecSchemas.kinds()) {
                oneOf.add(schemas.schemaOf(k));
            }
        } else {
            SpecKind match = null;
            for (SpecKind k : SpecSchemas.kinds()) {
                if (k.kind().equalsIgnoreCase(kind)) {
                    match = k;
                }
            }
            if (match == null) {
                ctx.err().println("flinkops: no flinkops.io kind '" + kind + "'");
                ctx.err().flush();
                return ExitCode.USAGE;
            }
            out = schemas.schemaOf(match);
        }
        ctx.out().println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
        ctx.out().flush();
        return ExitCode.OK;
    }
}
