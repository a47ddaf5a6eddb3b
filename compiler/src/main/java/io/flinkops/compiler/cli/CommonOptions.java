package io.flinkops.compiler.cli;

import io.flinkops.compiler.diagnostic.Category;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.Option;

/** Options every compiling command shares. */
public final class CommonOptions {
    @Option(names = "--repo", paramLabel = "DIR", description = "Repository root (default: the current directory).")
    Path repo;

    @Option(names = "--ref", paramLabel = "REV", description = "Compile the tree of this Git revision (branch, tag, SHA, HEAD~1) instead of the working tree.")
    String ref;

    @Option(names = "--policies-from", paramLabel = "REV", description = "Read policies/ from this Git revision (pull-request mode: the base).")
    String policiesFrom;

    @Option(names = "--env", paramLabel = "NAME", description = "Only this environment.")
    String env;

    @Option(names = "--categories", split = ",", paramLabel = "CATEGORY", converter = CategoryConverter.class,
            description = "Limit checks to these categories: parse, schema, operator, policy (default: all).")
    List<Category> categories = new ArrayList<>();

    @Option(names = "--operator-version", paramLabel = "VERSION",
            description = "Operator version for raw resources outside any environment: 1.7.0 or 1.10.0 (default: the newest built in)."
                    + " An environment is judged by the version its environment.yaml names.")
    String operatorVersion;

    @Option(names = "--crd", paramLabel = "FILE", description = "A CRD file for operator versions or flavours not built in (repeatable).")
    List<Path> crds = new ArrayList<>();

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "Reports (repeat --format, each optionally followed by its --output):%n")
    List<ReportTarget> reports = new ArrayList<>();

    /** One report: a format and, optionally, the file it goes to (stdout otherwise). */
    static final class ReportTarget {
        @Option(names = "--format", required = true, paramLabel = "FORMAT",
                description = "Report format: ${COMPLETION-CANDIDATES}.", completionCandidates = FormatCandidates.class)
        String format;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write this report to FILE instead of stdout.")
        Path output;
    }

    @Option(names = "--no-cache", description = "Compile everything; neither read nor write build/cache/.")
    boolean noCache;

    @Option(names = "--verbose", description = "Print stack traces of unexpected errors.")
    boolean verbose;

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

    static final class FormatCandidates extends ArrayList<String> {
        FormatCandidates() {
            for (var f : io.flinkops.compiler.report.ReportFormat.values()) {
                add(f.label());
            }
        }
    }
}
