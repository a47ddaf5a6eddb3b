package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.schema.CrdSource;
import io.flinkops.compiler.source.SourceTree;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What to compile: the sources, where the policies come from (the base revision in pull-request
 * mode), which environment, which check categories, and the date exceptions are judged against.
 *
 * @param operatorConfiguration the operator's default Flink configuration for resources outside any environment
 * @param commit the commit recorded in provenance annotations, or null for a working tree
 */
public record CompileRequest(
        SourceTree sources,
        SourceTree policies,
        String environment,
        Set<Category> categories,
        String defaultOperatorVersion,
        List<CrdSource> extraCrds,
        Map<String, String> operatorConfiguration,
        LocalDate today,
        String commit) {

    public static final Set<Category> ALL = EnumSet.allOf(Category.class);

    public CompileRequest {
        categories = categories.isEmpty() ? ALL : EnumSet.copyOf(categories);
        categories.add(Category.PARSE);
        extraCrds = List.copyOf(extraCrds);
        operatorConfiguration = Map.copyOf(operatorConfiguration);
    }

    public static CompileRequest of(SourceTree sources, LocalDate today) {
        return new CompileRequest(sources, sources, null, ALL, null, List.of(), Map.of(), today, sources.commit().orElse(null));
    }

    public CompileRequest withEnvironment(String env) {
        return new CompileRequest(sources, policies, env, categories, defaultOperatorVersion, extraCrds, operatorConfiguration, today, commit);
    }

    public CompileRequest withCategories(Set<Category> cats) {
        return new CompileRequest(sources, policies, environment, cats, defaultOperatorVersion, extraCrds, operatorConfiguration, today, commit);
    }

    public CompileRequest withPolicies(SourceTree tree) {
        return new CompileRequest(sources, tree, environment, categories, defaultOperatorVersion, extraCrds, operatorConfiguration, today, commit);
    }

    /** The operator's default Flink configuration for resources outside environments (an environment names its own). */
    public CompileRequest withOperatorConfiguration(Map<String, String> configuration) {
        return new CompileRequest(sources, policies, environment, categories, defaultOperatorVersion, extraCrds, configuration, today, commit);
    }

    public CompileRequest withOperatorVersion(String version) {
        return new CompileRequest(sources, policies, environment, categories, version, extraCrds, operatorConfiguration, today, commit);
    }
}
