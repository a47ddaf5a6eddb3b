package io.flinkops.compiler.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.pipeline.CompileResult;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy sets: overrides in order, exceptions with reason and expiry, custom rules; each problem reported once. */
class PolicySetTest {
    @TempDir
    Path dir;

    private TestRepo repo(String baseline) {
        return new TestRepo(dir)
                .file("environments/dev/environment.yaml", Fixtures.environment("dev", "1.10.0", false))
                .file("environments/prod/environment.yaml", Fixtures.environment("prod", "1.7.0", true))
                .file("environments/dev/job.yaml", Fixtures.flinkJob("job").replace("flink:1.17.2", "flink:latest"))
                .file("environments/prod/job.yaml", Fixtures.flinkJob("job"))
                .file("policies/baseline.yaml", baseline);
    }

    /** A baseline policy set holding one probing custom rule (id, message) with the given schema (flow YAML). */
    private static String probeRule(String id, String message, String schema) {
        return """
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    image-tag-unpinned: {enabled: false}
                  customRules:
                    - id: %s
                      severity: error
                      summary: probe
                      message: %s
                      remediation: none
                      match: {kinds: [FlinkDeployment]}
                      schema: %s
                """.formatted(id, message, schema);
    }

    private static String head(CompileResult r) {
        String all = String.valueOf(r.diagnostics());
        return all.substring(0, Math.min(2000, all.length()));
    }

    private static List<String> lines(CompileResult r) {
        return r.diagnostics().stream().map(d -> d.rule() + " " + d.severity().label() + " " + d.location()).toList();
    }

    /** A policy file emptied or left with comments holds no set: harmless unless named, said at the file, not failed. */
    @Test
    void aPolicyFileWithoutAPolicySetIsAWarning() {
        TestRepo repo = repo("apiVersion: flinkops.io/v1alpha1\nkind: PolicySet\nmetadata: {name: baseline}\nspec: {}\n")
                .file("policies/emptied.yaml", "# the team's old rules, moved to baseline.yaml\n");
        CompileResult r = RuleTester.compile(repo);
        assertEquals(List.of("image-tag-unpinned error environments/dev/job.yaml:8:3", "file-not-read warning policies/emptied.yaml:1:1"),
                lines(r));
        assertTrue(r.diagnostics().get(1).message().equals("not read: the file holds no PolicySet (it is empty, or only comments"
                + " or null documents)"), head(r));
    }

    @Test
    void severityOverridesAndExceptionsApply() {
        CompileResult r = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    image-tag-unpinned: {severity: warning}
                  exceptions:
                    - rule: image-tag-unpinned
                      target: prod/*/job
                      reason: Not used, so it is reported as unused.
                      expires: 2027-01-31
                """));
        assertEquals(List.of(
                "image-tag-unpinned warning environments/dev/job.yaml:8:3",
                "policy-exception-unused warning policies/baseline.yaml:8:7"), lines(r));
    }

    @Test
    void exceptionSuppressesAndIsUsedOnce() {
        CompileResult r = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  exceptions:
                    - rule: image-tag-unpinned
                      target: dev/j*/*
                      reason: The dev image is rebuilt nightly.
                      expires: 2027-01-31
                """));
        assertEquals(List.of(), lines(r));
        assertEquals(1, r.environments().stream().mapToInt(e -> e.usedExceptions().size()).sum());
    }

    @Test
    void brokenSetsAreReportedOnceWhateverTheNumberOfEnvironments() {
        CompileResult r = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    no-such-rule: {enabled: false}
                    checkpoint-interval-bounds: {parameters: {maximum: 1h}}
                  exceptions:
                    - rule: image-tag-unpinned
                      target: dev/*/*
                      reason: expired
                      expires: 2026-01-01
                    - rule: image-tag-unpinned
                      target: prod/*/*
                      expires: 2027-01-01
                  customRules:
                    - id: broken-schema
                      summary: A custom rule with a schema that cannot compile
                      message: never shown
                      remediation: Fix it.
                      schema: {type: 12}
                """));
        assertEquals(List.of(
                "image-tag-unpinned error environments/dev/job.yaml:8:3",
                "policy-config-invalid error policies/baseline.yaml:6:5",
                "policy-config-invalid error policies/baseline.yaml:7:47",
                "policy-exception-expired error policies/baseline.yaml:12:7",
                "policy-exception-invalid error policies/baseline.yaml:13:7",
                "policy-config-invalid error policies/baseline.yaml:21:16"), lines(r));
    }

    /**
     * The findings of reading the repository and the policy sets come before any policy set applies: a
     * set that would turn one off, change its severity or except it would do nothing, so it is refused.
     */
    @Test
    void aSetCannotTuneOrExceptTheFindingsOfTheStagesBeforeIt() {
        CompileResult r = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    repository-layout: {enabled: false}
                    policy-exception-unused: {severity: info}
                    image-tag-unpinned: {severity: warning}
                  exceptions:
                    - rule: unreadable-input
                      target: dev/*/*
                      reason: The generator writes it later.
                      expires: 2027-01-01
                """));
        assertEquals(List.of(
                "image-tag-unpinned warning environments/dev/job.yaml:8:3",
                "policy-config-invalid error policies/baseline.yaml:6:5",
                "policy-config-invalid error policies/baseline.yaml:7:5",
                "policy-config-invalid error policies/baseline.yaml:10:7"), lines(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().equals("'repository-layout' is found while the repository is read, "
                + "before any policy set applies: a policy set can neither turn it off, change its severity nor except it")), r.diagnostics().toString());
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.message().startsWith("'policy-exception-unused' is found while policy sets are read")),
                r.diagnostics().toString());
    }

    @Test
    void aSetThatIsThereButInvalidIsReportedInItsFileNotAsMissingInEveryEnvironment() {
        CompileResult invalid = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    image-tag-unpinned: {severity: fatal}
                """));
        assertEquals(List.of("image-tag-unpinned error environments/dev/job.yaml:8:3",
                "spec-invalid error policies/baseline.yaml:6:26"), lines(invalid));
        CompileResult unreadable = RuleTester.compile(repo("kind: [PolicySet\n"));
        assertEquals(List.of("image-tag-unpinned error environments/dev/job.yaml:8:3",
                "unreadable-input error policies/baseline.yaml:2:1"), lines(unreadable));
        // a set that is not there at all is still named where each environment lists it
        CompileResult renamed = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: basics}
                spec: {description: renamed}
                """));
        assertEquals(List.of("policy-config-invalid error environments/dev/environment.yaml:22:14",
                "image-tag-unpinned error environments/dev/job.yaml:8:3",
                "policy-config-invalid error environments/prod/environment.yaml:22:14"), lines(renamed));
    }

    /** The labels flinkops makes of the owner and the team are located where the user wrote those. */
    @Test
    void aFindingOnADerivedLabelPointsAtWhatItWasMadeOf() {
        CompileResult r = RuleTester.compile(repo(probeRule("cost-centre-owner", "owners are cost centres",
                "{properties: {metadata: {properties: {labels: {properties: {"
                        + "flinkops.io/owner: {pattern: '^cc-'}, flinkops.io/team: {pattern: '^cc-'}}}}}}}")));
        assertEquals(List.of(
                "cost-centre-owner error environments/dev/environment.yaml:15:7",
                "cost-centre-owner error environments/dev/job.yaml:7:3",
                "cost-centre-owner error environments/prod/environment.yaml:15:7",
                "cost-centre-owner error environments/prod/job.yaml:7:3"), lines(r).stream().filter(l -> l.startsWith("cost")).sorted().toList());
    }

    @Test
    void aParameterValueARuleCannotUseIsOneFindingOnItsLine() {
        CompileResult r = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    checkpoint-interval-bounds: {parameters: {min: ten}}
                    resources-out-of-bounds: {parameters: {maxCpu: eight, maxMemory: lots}}
                    state-bucket-non-production: {parameters: {nonProductionPattern: "([a-z"}}
                    egress-open: {parameters: {allowedOpenPorts: "53,https"}}
                    task-slots-cpu-mismatch: {parameters: {maxSlotsPerCpu: 0}}
                    image-registry-not-allowed: {parameters: {allowed: "docker.io,,ghcr.io"}}
                """));
        assertEquals(List.of(
                "image-tag-unpinned error environments/dev/job.yaml:8:3",
                "policy-config-invalid error policies/baseline.yaml:6:47",
                "policy-config-invalid error policies/baseline.yaml:7:44",
                "policy-config-invalid error policies/baseline.yaml:7:59",
                "policy-config-invalid error policies/baseline.yaml:8:48",
                "policy-config-invalid error policies/baseline.yaml:9:32",
                "policy-config-invalid error policies/baseline.yaml:10:44",
                "policy-config-invalid error policies/baseline.yaml:11:47"), lines(r));
        assertTrue(r.diagnostics().stream().noneMatch(d -> d.message().contains("could not be checked")), r.diagnostics().toString());
    }

    /** Java compiles a pattern in time that grows with the square of its length: a 4 MB one would take hours. */
    @Test
    void aPatternOrGlobTooLongToCompileInTimeIsRefusedOnItsLine() {
        String set = """
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  %s
                """;
        CompileResult pattern = RuleTester.compile(repo(set.formatted(
                "rules: {state-bucket-non-production: {parameters: {nonProductionPattern: \"" + "a".repeat(20_000) + "\"}}}")));
        assertEquals(List.of("policy-config-invalid 5: rule state-bucket-non-production parameter 'nonProductionPattern': pattern '"
                + "a".repeat(60) + "...' is not a regular expression flinkops can check (longer than 10000 characters)"), policyFindings(pattern));
        CompileResult glob = RuleTester.compile(repo(set.formatted(
                "exceptions: [{rule: image-tag-unpinned, target: \"dev/" + "b".repeat(600) + "/*\", reason: long, expires: \"2099-01-01\"}]")));
        assertEquals(List.of("spec-invalid 5: PolicySet spec.exceptions[0].target: must be at most 512 characters long"), policyFindings(glob));
    }

    private static List<String> policyFindings(CompileResult r) {
        return r.diagnostics().stream().filter(d -> d.location().file().startsWith("policies/"))
                .map(d -> d.rule() + " " + d.location().line() + ": " + d.message()).toList();
    }

    @Test
    void customRulesFireWithALocation() {
        CompileResult r = RuleTester.compile(repo("""
                apiVersion: flinkops.io/v1alpha1
                kind: PolicySet
                metadata: {name: baseline}
                spec:
                  rules:
                    image-tag-unpinned: {enabled: false}
                  customRules:
                    - id: cost-center-label
                      severity: warning
                      summary: Jobs carry a cost-center label
                      message: the job has no acme.com/cost-center label
                      remediation: Add metadata.labels.acme.com/cost-center.
                      match: {kinds: [FlinkDeployment]}
                      schema:
                        type: object
                        properties:
                          metadata: {type: object, required: [labels], properties: {labels: {required: [acme.com/cost-center]}}}
                """));
        assertEquals(List.of("cost-center-label warning environments/dev/job.yaml:3:1", "cost-center-label warning environments/prod/job.yaml:3:1"),
                lines(r));
        assertTrue(r.diagnostics().get(0).message().contains("no acme.com/cost-center label"));
    }

    /** What is wrong in a custom rule's schema is named at its own line and column, in words, not as a Java exception. */
    @Test
    void aCustomSchemaIsRefusedWhereItIsWrong() {
        String[][] cases = {
                {"{properties: {spec: {pattern: \"([\"}}}", "pattern '([' is not a regular expression flinkops can check (Unclosed character class)"},
                {"{patternProperties: {\"a(\": {type: string}}}", "pattern 'a(' is not a regular expression flinkops can check (Unclosed group)"},
                {"{properties: {spec: {type: integerx}}}", "properties.spec.type: does not have a value in the enumeration"},
        };
        for (String[] c : cases) {
            CompileResult r = RuleTester.compile(repo(probeRule("shape", "probe", c[0])));
            assertEquals(List.of("policy-config-invalid error policies/baseline.yaml:14:36"), lines(r), c[0]);
            String message = r.diagnostics().get(0).message();
            assertTrue(message.startsWith("custom rule 'shape' has an invalid JSON Schema: " + c[1]), message);
            assertFalse(message.contains("Exception"), message);
        }
    }

    /** A custom rule's schema reaches neither the disk nor the network nor flinkops' own resources through $ref. */
    @Test
    void aCustomSchemaCannotReadFilesOrUrls() throws Exception {
        Path outside = java.nio.file.Files.writeString(dir.resolve("outside.json"), "{\"required\": [\"never-there\"]}");
        for (String ref : List.of(outside.toUri().toString(), "http://127.0.0.1:9/schema.json", "other.json#/x",
                "classpath:/io/flinkops/compiler/model/spec-schemas.json", "http://json-schema.org/draft-07/schema#")) {
            CompileResult r = RuleTester.compile(repo(probeRule("from-elsewhere", "probe", "{$ref: \"" + ref + "\"}")));
            assertEquals(List.of("policy-config-invalid error policies/baseline.yaml:14:7"), lines(r), ref);
            String message = r.diagnostics().get(0).message();
            assertTrue(message.contains("has an invalid JSON Schema: its $ref '") && message.contains("' leads outside it"), message);
        }
    }

    @Test
    void aCustomSchemaWhoseRefLoopsIsRefusedOnceNotOnEveryObject() {
        CompileResult r = RuleTester.compile(repo(probeRule("loops", "probe",
                "{definitions: {a: {$ref: \"#/definitions/b\"}, b: {$ref: \"#/definitions/a\"}}, $ref: \"#/definitions/a\"}")));
        assertEquals(List.of("policy-config-invalid error policies/baseline.yaml:14:7"), lines(r));
        assertTrue(r.diagnostics().get(0).message().endsWith("has an invalid JSON Schema: its $ref chain leads back to itself without end"),
                r.diagnostics().toString());
        // a schema that refers to itself for the value's parts is fine
        CompileResult tree = RuleTester.compile(repo(probeRule("tree", "probe",
                "{type: object, properties: {spec: {$ref: \"#\"}}}")));
        assertEquals(List.of(), lines(tree));
    }

    /**
     * Java's regular expressions backtrack: ^(.*a){12}$ on 40 a's and a b would take longer than anyone waits
     * (Java memoizes the classic ^(a+)+$, not this).
     * Each match reads its value through a counter and stops past a bound; the object gets a finding.
     */
    @Test
    void aPatternThatBacktracksIsStoppedAndAFinding() {
        TestRepo repo = repo(probeRule("image-shape", "image has another shape",
                "{properties: {spec: {properties: {image: {pattern: \"^(.*a){12}$\"}}}}}"));
        repo.file("environments/dev/job.yaml", Fixtures.flinkJob("job").replace("flink:1.17.2", "a".repeat(40) + "b:1"));
        long start = System.nanoTime();
        CompileResult r = RuleTester.compile(repo);
        assertTrue(System.nanoTime() - start < 60_000_000_000L, "bounded, not exponential");
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.location().file().equals("environments/dev/job.yaml")
                && d.message().endsWith("could not be checked by image-shape: one of its patterns backtracks too long on a value"
                        + " (such as ^(.*a){12}$ on a long run of a)")), head(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.location().file().equals("environments/prod/job.yaml")
                && d.message().contains("image has another shape")), head(r));
    }

    /** Java's regular expressions recurse per repetition; a long value must not take the run down with them. */
    @Test
    void aPatternThatOverflowsOnALongValueIsAFinding() {
        TestRepo repo = repo(probeRule("image-shape", "image has another shape",
                "{properties: {spec: {properties: {image: {pattern: \"^(a|b)+$\"}}}}}"));
        repo.file("environments/dev/job.yaml", Fixtures.flinkJob("job").replace("flink:1.17.2", "ab".repeat(100_000) + ":1"));
        CompileResult r = RuleTester.compile(repo);
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.location().file().equals("environments/dev/job.yaml")
                && d.message().endsWith("could not be checked by image-shape: a value is too long for one of its patterns,"
                        + " or too deep for its schema's $ref chain (the stack overflowed)")),
                head(r));
        assertTrue(r.diagnostics().stream().anyMatch(d -> d.location().file().equals("environments/prod/job.yaml")
                && d.message().contains("image has another shape")), head(r));
    }
}
