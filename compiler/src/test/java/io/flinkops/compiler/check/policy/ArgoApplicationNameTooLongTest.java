package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArgoApplicationNameTooLongTest {
    private static final String RULE = "[argocd-application-name-too-long]";

    @TempDir
    Path dir;

    /** The samples' namespace analytics renamed in every file of one environment. */
    private TestRepo renamed(String env, String namespace) throws Exception {
        TestRepo repo = new TestRepo(dir).withSamples();
        try (Stream<Path> files = Files.walk(repo.root().resolve("environments/" + env))) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.writeString(f, Files.readString(f).replaceAll("\\banalytics\\b(?!-)", namespace));
            }
        }
        return repo;
    }

    @Test
    void firesOnTheNamespaceOfAnApplicationOverSixtyThreeCharacters() throws Exception {
        String namespace = "a".repeat(54); // flink-dev- + 54 = 64
        Cli.Result r = Cli.run(renamed("dev", namespace).root(), "validate");
        assertTrue(r.out().contains("environments/dev/environment.yaml:25:7: warning: Application/argocd/flink-dev-" + namespace
                + ": Application flink-dev-" + namespace + " has 64 characters, over the 63 that label tracking can write into"
                + " app.kubernetes.io/instance " + RULE), r.out());
        assertEquals(1, r.out().split(java.util.regex.Pattern.quote(RULE), -1).length - 1, r.out());
    }

    @Test
    void firesOnTheTemplateOfAnApplicationSet() throws Exception {
        String namespace = "a".repeat(50); // flink-staging- + 50 = 64
        Cli.Result r = Cli.run(renamed("staging", namespace).root(), "validate");
        assertTrue(r.out().contains(": warning: ApplicationSet/argocd/flink-staging: the ApplicationSet generates Application flink-staging-"
                + namespace + " has 64 characters"), r.out());
    }

    @Test
    void sixtyThreeCharactersAreFine() throws Exception {
        Cli.Result r = Cli.run(renamed("dev", "a".repeat(53)).root(), "validate");
        assertFalse(r.out().contains(RULE), r.out());
    }
}
