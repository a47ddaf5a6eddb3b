package io.flinkops.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.Diagnostics;
import io.flinkops.compiler.pipeline.CompileRequest;
import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.source.FileSystemTree;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Runs a rule over YAML whose {@code # expect: rule-id} comments say where it must fire, and
 * asserts the exact set of (rule, line) pairs for that rule: where it fires and where it does not.
 */
public final class RuleTester {
    public static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final Compiler COMPILER = new Compiler();

    private final String rule;

    private RuleTester(String rule) {
        this.rule = rule;
    }

    public static RuleTester forRule(String rule) {
        return new RuleTester(rule);
    }

    /** Checks raw custom resources (one or more documents) outside any environment. */
    public List<Diagnostic> raw(String operatorVersion, String yaml) {
        Diagnostics diagnostics = new Diagnostics();
        var docs = COMPILER.yaml().parse("test.yaml", yaml);
        CompileRequest request = CompileRequest.of(new FileSystemTree(Path.of("").toAbsolutePath()), TODAY)
                .withOperatorVersion(operatorVersion);
        CompileResult result = COMPILER.validateDocuments(docs, request, diagnostics);
        List<Diagnostic> mine = result.diagnostics().stream().filter(d -> d.rule().equals(rule)).toList();
        assertEquals(Expectations.of(yaml), pairs(mine), () -> "findings of " + rule + ":\n" + describe(result.diagnostics()));
        return mine;
    }

    /** Compiles a repository and checks one spec file's expectations (other files must be silent for the rule). */
    public List<Diagnostic> repo(TestRepo repo, String... files) {
        CompileResult result = COMPILER.compile(CompileRequest.of(new FileSystemTree(repo.root()), TODAY));
        List<Diagnostic> mine = result.diagnostics().stream().filter(d -> d.rule().equals(rule)).toList();
        TreeSet<String> expected = new TreeSet<>();
        for (String file : files) {
            for (String e : Expectations.of(repo.read(file))) {
                expected.add(file + ":" + e);
            }
        }
        TreeSet<String> actual = mine.stream().map(d -> d.location().file() + ":" + d.rule() + "@" + d.location().line())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(expected, actual, () -> "findings of " + rule + ":\n" + describe(result.diagnostics()));
        return mine;
    }

    public static CompileResult compile(TestRepo repo) {
        return COMPILER.compile(CompileRequest.of(new FileSystemTree(repo.root()), TODAY));
    }

    private static TreeSet<String> pairs(List<Diagnostic> ds) {
        return ds.stream().map(d -> d.rule() + "@" + d.location().line()).collect(Collectors.toCollection(TreeSet::new));
    }

    public static String describe(List<Diagnostic> ds) {
        return ds.stream().map(Diagnostic::oneLine).collect(Collectors.joining("\n"));
    }
}
