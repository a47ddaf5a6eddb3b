package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.load.Problems;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Everything a run produced: the compiled environments and every finding, sorted by file and line. */
public record CompileResult(List<EnvironmentResult> environments, List<Diagnostic> diagnostics) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** True when some input could not be read at all (exit code 2 rather than 1). */
    public boolean hasUnreadableInput() {
        return diagnostics.stream().anyMatch(d -> d.category() == Category.PARSE && d.rule().equals(Problems.UNREADABLE));
    }

    /** The output files of every environment, by environment name: what a build writes. */
    public Map<String, SortedMap<String, byte[]>> outputs() {
        Map<String, SortedMap<String, byte[]>> trees = new TreeMap<>();
        environments.forEach(env -> trees.put(env.name(), env.files()));
        return trees;
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
