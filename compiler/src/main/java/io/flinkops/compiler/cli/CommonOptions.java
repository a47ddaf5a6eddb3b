package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.report.ReportFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.TypeConversionException;

/** Options every compiling command shares, as given on its command line. */
final class CommonOptions {
    private static final String REPORTS_HEADING = "Reports (repeat --format, each optionally followed by its --output):%n";

    final Path repo;
    final String ref;
    final String policiesFrom;
    final String env;
    final List<Category> categories;
    final String operatorVersion;
    final List<Path> crds;
    final Path operatorConfig;
    final List<ReportTarget> reports;
    final boolean noCache;
    final boolean verbose;

    /** One report: a format and, optionally, the file it goes to (stdout when null). */
    record ReportTarget(String format, Path output) {}

    /** Adds the shared options to a command's model. */
    static void addTo(CommandSpec spec) {
        spec.addOption(Specs.option("--repo", "DIR", Path.class, "Repository root (default: the current directory).").build());
        spec.addOption(Specs.option("--ref", "REV", String.class,
                "Compile the tree of this Git revision (branch, tag, SHA, HEAD~1) instead of the working tree.").build());
        spec.addOption(Specs.option("--policies-from", "REV", String.class,
                "Read policies/ from this Git revision (pull-request mode: the base).").build());
        spec.addOption(Specs.option("--env", "NAME", String.class, "Only this environment.").build());
        spec.addOption(Specs.repeated("--categories", "CATEGORY", Category.class,
                "Limit checks to these categories: parse, schema, operator, policy (default: all).")
                .splitRegex(",").converters(new CategoryConverter()).build());
        spec.addOption(Specs.option("--operator-version", "VERSION", String.class,
                "Operator version for raw resources outside any environment: 1.7.0 or 1.10.0 (default: the newest built in)."
                        + " An environment is judged by the version its environment.yaml names.").build());
        spec.addOption(Specs.option("--operator-config", "FILE", Path.class,
                "The operator's default Flink configuration for raw resources outside any environment: its flink-conf.yaml"
                        + " or config.yaml, or its ConfigMap. An environment names its own (spec.operator.defaultConfiguration).").build());
        spec.addOption(Specs.repeated("--crd", "FILE", Path.class,
                "A CRD file for operator versions or flavours not built in (repeatable).").build());
        List<String> formats = new ArrayList<>();
        for (ReportFormat f : ReportFormat.values()) {
            formats.add(f.label());
        }
        spec.addArgGroup(ArgGroupSpec.builder().exclusive(false).multiplicity("0..*").heading(REPORTS_HEADING)
                .addArg(Specs.option("--format", "FORMAT", String.class, "Report format: ${COMPLETION-CANDIDATES}.")
                        .required(true).completionCandidates(formats).build())
                .addArg(OptionSpec.builder("-o", "--output").paramLabel("FILE").type(Path.class)
                        .description("Write this report to FILE instead of stdout.").build())
                .build());
        spec.addOption(Specs.flag("--no-cache", "Compile everything; neither read nor write build/cache/."));
        spec.addOption(Specs.flag("--verbose", "Print stack traces of unexpected errors."));
    }

    /** The shared options as parsed for a command whose model {@link #addTo} built. */
    CommonOptions(CommandSpec spec) {
        repo = Specs.value(spec, "--repo");
        ref = Specs.value(spec, "--ref");
        policiesFrom = Specs.value(spec, "--policies-from");
        env = Specs.value(spec, "--env");
        categories = Specs.values(spec.findOption("--categories"));
        operatorVersion = Specs.value(spec, "--operator-version");
        crds = Specs.values(spec.findOption("--crd"));
        operatorConfig = Specs.value(spec, "--operator-config");
        noCache = Specs.isSet(spec, "--no-cache");
        verbose = Specs.isSet(spec, "--verbose");
        reports = reports(spec);
    }

    /** The --format/--output pairs in the order given. */
    private static List<ReportTarget> reports(CommandSpec spec) {
        List<ReportTarget> out = new ArrayList<>();
        ParseResult parsed = spec.commandLine().getParseResult();
        OptionSpec format = spec.findOption("--format");
        OptionSpec output = spec.findOption("--output");
        for (ArgGroupSpec group : spec.argGroups()) {
            for (ParseResult.GroupMatchContainer container : parsed.findMatches(group)) {
                for (ParseResult.GroupMatch match : container.matches()) {
                    List<Object> formats = match.matchedValues(format);
                    List<Object> outputs = match.matchedValues(output);
                    if (!formats.isEmpty()) {
                        out.add(new ReportTarget((String) formats.get(0), outputs.isEmpty() ? null : (Path) outputs.get(0)));
                    }
                }
            }
        }
        return out;
    }

    Set<Category> categorySet() {
        Set<Category> out = EnumSet.noneOf(Category.class);
        out.addAll(categories);
        return out;
    }

    /** A category named on the command line; a wrong name is a usage error, like any wrong option value. */
    static final class CategoryConverter implements ITypeConverter<Category> {
        @Override
        public Category convert(String value) {
            try {
                return Category.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
