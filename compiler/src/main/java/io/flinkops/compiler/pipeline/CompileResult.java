package io.flinkops.compiler.pipeline;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.load.Problems;
import java.util.List;

/** Everything a run produced: the compiled environments and every finding, sorted by file and line. */
public record CompileResult(List<EnvironmentResult> environments, List<Diagnostic> diagnostics) {

    public boolean hasErrors() {
        return diagnostics.stream().anyMatch(d -> d.severity() == Severity.ERROR);
    }

    /** True when some input could not be read at all (exit code 2 rather than 1). */
    public boolean hasUnreadableInput() {
        return diagnostics.stream().anyMatch(d -> d.category() == Category.PARSE && d.rule().equals(Problems.UNREADABLE));
    }

    public long count(Severity severity) {
        return diagnostics.stream().filter(d -> d.severity() == severity).count();
    }
}
