package io.flinkops.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.pipeline.Compiler;
import io.flinkops.compiler.report.RuleDocs;
import io.flinkops.compiler.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The catalogue is complete: every rule registered, well described, documented and tested. */
class RuleCatalogTest {
    private final RuleCatalog catalog = new Compiler().catalog();
    private final Path main = Fixtures.repoRoot().resolve("compiler/src/main/java/io/flinkops/compiler/check");
    private final Path test = Fixtures.repoRoot().resolve("compiler/src/test/java/io/flinkops/compiler/check");

    @Test
    void everyRuleClassIsRegistered() throws IOException {
        Set<String> registered = new TreeSet<>();
        catalog.rules().forEach(r -> registered.add(r.getClass().getSimpleName()));
        Set<String> classes = new TreeSet<>();
        for (String pkg : List.of("operator", "policy", "schema")) {
            try (Stream<Path> files = Files.list(main.resolve(pkg))) {
                files.forEach(f -> {
                    try {
                        if (Files.readString(f).contains("@Rule(")) {
                            classes.add(f.getFileName().toString().replace(".java", ""));
                        }
                    } catch (IOException e) {
                        throw new RuntimeException(e);
                    }
                });
            }
        }
        assertEquals(classes, registered);
    }

    @Test
    void everyDefaultParameterPassesItsRulesOwnCheck() {
        for (RuleCheck rule : catalog.rules()) {
            for (String name : rule.info().parameters().keySet()) {
                String value = rule.info().defaultParameter(name);
                assertEquals(java.util.Optional.empty(), rule.invalidParameter(name, value), rule.info().id() + " " + name + "=" + value);
            }
        }
    }

    @Test
    void idsAreUniqueKebabCaseAndDescriptionsWellFormed() {
        Set<String> ids = new HashSet<>();
        for (RuleInfo r : catalog.infos()) {
            assertTrue(ids.add(r.id()), "duplicate id " + r.id());
            r.aliases().forEach(a -> assertTrue(ids.add(a), "alias " + a + " collides"));
            assertTrue(r.id().matches("[a-z0-9]+(-[a-z0-9]+)*"), r.id() + " is not kebab-case");
            assertTrue(!r.summary().endsWith(".") && Character.isUpperCase(r.summary().charAt(0)), r.id() + ": summary '" + r.summary() + "'");
            assertTrue(r.remediation().endsWith(".") && Character.isUpperCase(r.remediation().charAt(0)), r.id() + ": remediation must be a sentence");
            assertTrue(r.rationale().length() > 40, r.id() + ": rationale too short");
        }
    }

    @Test
    void everyRuleClassHasATest() {
        for (RuleCheck rule : catalog.rules()) {
            String pkg = rule.getClass().getPackageName().substring("io.flinkops.compiler.check.".length());
            Path testFile = test.resolve(pkg).resolve(rule.getClass().getSimpleName() + "Test.java");
            assertTrue(Files.exists(testFile), "missing " + testFile);
        }
    }

    @Test
    void docsMatchTheCatalogue() throws IOException {
        Path docs = Fixtures.repoRoot().resolve("docs/rules");
        assertEquals(RuleDocs.index(catalog.infos()), Files.readString(docs.resolve("index.md"), StandardCharsets.UTF_8),
                "docs/rules/index.md is stale: run ./flinkops rules --format markdown --output-dir docs/rules");
        for (RuleInfo r : catalog.infos()) {
            Path page = docs.resolve(r.id() + ".md");
            assertTrue(Files.exists(page), "missing " + page);
            assertEquals(RuleDocs.page(r, catalog.configurable(r.id())), Files.readString(page, StandardCharsets.UTF_8),
                    page + " is stale: run ./flinkops rules --format markdown --output-dir docs/rules");
        }
        try (Stream<Path> pages = Files.list(docs)) {
            Set<String> known = new HashSet<>();
            catalog.infos().forEach(r -> known.add(r.id() + ".md"));
            known.add("index.md");
            pages.forEach(p -> assertTrue(known.contains(p.getFileName().toString()), "page for no rule: " + p));
        }
    }
}
