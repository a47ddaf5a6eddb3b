package io.flinkops.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI contract of DESIGN.md: exit codes, one-line errors, JSON, help on every command. */
class FlinkopsCliTest {
    @TempDir
    Path dir;

    private TestRepo samples() {
        return new TestRepo(dir.resolve("repo")).withSamples();
    }

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.run(dir, "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("build") && help.out().contains("validate"), help.out());
        for (String cmd : new String[] {"build", "validate", "rules", "explain", "schema"}) {
            Cli.Result r = Cli.run(dir, cmd, "--help");
            assertEquals(0, r.code(), cmd);
            assertTrue(r.out().contains("Usage: flinkops " + cmd), r.out());
        }
        assertTrue(Cli.run(dir, "--version").out().startsWith("flinkops "));
    }

    @Test
    void theCommandModelsBuiltInCodeKeepEveryOptionOfTheirHelp() {
        String validate = Cli.run(dir, "validate", "--help").out();
        for (String option : new String[] {"--repo=DIR", "--ref=REV", "--policies-from=REV", "--env=NAME", "--categories=CATEGORY",
            "--operator-version=VERSION", "--crd=FILE", "--no-cache", "--verbose", "--enforce-policies", "[PATH...]", "-h, --help",
            "-V, --version", "Reports (repeat --format, each optionally followed by its --output):",
            "Report format: text, json, sarif, junit, github,", "-o, --output=FILE"}) {
            assertTrue(validate.contains(option), option + " in\n" + validate);
        }
        assertTrue(Cli.run(dir, "diff", "--help").out().contains("--fail-on=WHICH"));
        assertTrue(Cli.run(dir, "help", "build").out().contains("--out=DIR"));
        // a subcommand's -V prints the version, as the top command's does
        Cli.Result version = Cli.run(dir, "validate", "-V");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("flinkops "), version.out());
        Cli.Result missing = Cli.run(dir, "explain");
        assertEquals(2, missing.code());
        assertEquals("flinkops: Missing required parameter: 'RULE'\nTry 'flinkops explain --help'.\n", missing.err());
        Cli.Result base = Cli.run(dir, "diff");
        assertEquals(2, base.code());
        assertTrue(base.err().startsWith("flinkops: Missing required option: '--base=REV'"), base.err());
        Cli.Result orphanOutput = Cli.run(dir, "validate", "--output", "x.json");
        assertEquals(2, orphanOutput.code());
        assertTrue(orphanOutput.err().startsWith("flinkops: Error: Missing required argument(s): --format=FORMAT"), orphanOutput.err());
    }

    @Test
    void anEmptyOptionValueIsAUsageErrorNotAValue() {
        // `--ref "$REV"` with REV unset: named as what it is, not as a revision or environment called ''
        for (String[] args : new String[][] {{"validate", "--env", ""}, {"validate", "--ref="}, {"build", "--operator-version", ""},
            {"diff", "--base", ""}, {"validate", "--format", ""}, {"rules", "--format", ""}}) {
            Cli.Result r = Cli.run(dir, args);
            assertEquals(2, r.code(), String.join(" ", args));
            assertTrue(r.err().startsWith("flinkops: Invalid value for option '" + args[1].replace("=", "") + "'"), r.err());
            assertTrue(r.err().contains("the value is empty (an unset variable?)"), r.err());
        }
        // `flinkops validate "$FILE"` with FILE unset: not the whole repository
        Cli.Result emptyPath = Cli.run(samples().root(), "validate", "");
        assertEquals(2, emptyPath.code(), emptyPath.out());
        assertEquals("flinkops: a PATH is empty (an unset variable?); name a file or folder, or give none for the whole repository\n",
                emptyPath.err());
        assertEquals(2, Cli.run(dir, "explain", "").code());
        assertEquals("", emptyPath.out());
    }

    @Test
    void badUsageExitsTwoWithOneLine() {
        Cli.Result r = Cli.run(dir, "build", "--no-such-option");
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("flinkops: Unknown option"), r.err());
        Cli.Result category = Cli.run(dir, "validate", "--categories", "schema,nope");
        assertEquals(2, category.code());
        assertTrue(category.err().startsWith("flinkops: Invalid value for option '--categories' (CATEGORY): unknown category 'nope' "
                + "(use parse, schema, operator or policy)\n"), category.err());
        Cli.Result today = Cli.runWithEnvironment(dir, "", java.util.Map.of("FLINKOPS_TODAY", "2026-13-01"), "validate");
        assertEquals(2, today.code());
        assertEquals("flinkops: FLINKOPS_TODAY is '2026-13-01', not a date of the form YYYY-MM-DD (such as 2026-12-01)\n", today.err());
        Path repo = samples().root();
        Cli.Result folder = Cli.run(repo, "validate", "--format", "json", "-o", ".");
        assertEquals(2, folder.code());
        assertEquals("flinkops: --output " + repo + " is a folder; name the report's file\n", folder.err());
        // an empty path (an unset variable) would name the current folder: `--out "$OUT"` would write into it
        for (String[] args : new String[][] {{"build", "--out", ""}, {"validate", "--repo="}, {"validate", "--crd", ""},
                {"validate", "--format", "json", "-o", ""}}) {
            Cli.Result empty = Cli.run(repo, args);
            assertEquals(2, empty.code(), String.join(" ", args));
            assertTrue(empty.err().startsWith("flinkops: Invalid value for option '-")
                    && empty.err().contains(": the path is empty (an unset variable?)\n"), empty.err());
        }
        assertTrue(Files.notExists(repo.resolve("dev")) && Files.notExists(repo.resolve("prod")));
        // run outside the repository (or with the wrong --repo), a run would check nothing and pass
        for (String command : new String[] {"validate", "build"}) {
            Cli.Result nowhere = Cli.run(dir, command);
            assertEquals(2, nowhere.code(), command);
            assertEquals("flinkops: no environments/ folder in " + dir + ": nothing to check; run flinkops in the repository's "
                    + "root folder, or name it with --repo\n", nowhere.err(), command);
        }
        Cli.Result missing = Cli.run(dir, "validate", "does-not-exist.yaml");
        assertEquals(2, missing.code());
        assertEquals("flinkops: does-not-exist.yaml:1:1: no such file or folder\n", missing.err());
    }

    /** A path that does not resolve says why: a dangling link names its target, a loop is a loop. */
    @Test
    void linksThatLeadNowhereSayWhy() throws Exception {
        Files.createSymbolicLink(dir.resolve("dangling.yaml"), dir.resolve("gone.yaml"));
        Files.createSymbolicLink(dir.resolve("loop-a.yaml"), dir.resolve("loop-b.yaml"));
        Files.createSymbolicLink(dir.resolve("loop-b.yaml"), dir.resolve("loop-a.yaml"));
        Cli.Result dangling = Cli.run(dir, "validate", "dangling.yaml");
        assertEquals(2, dangling.code());
        assertEquals("flinkops: dangling.yaml:1:1: a symbolic link to " + dir.resolve("gone.yaml") + ", which does not exist\n", dangling.err());
        Cli.Result loop = Cli.run(dir, "validate", "loop-a.yaml");
        assertEquals(2, loop.code());
        assertEquals("flinkops: loop-a.yaml:1:1: a symbolic link loop\n", loop.err());
        Cli.Result crd = Cli.run(dir, "validate", "--crd", "loop-a.yaml", "-");
        assertEquals(2, crd.code());
        assertEquals("flinkops: loop-a.yaml:1:1: cannot read CRD file: a symbolic link loop\n", crd.err());
    }

    /** A CRD file is read with the limits of every other input, and its errors name its line. */
    @Test
    void aCrdFileIsReadWithTheInputLimits() throws Exception {
        Files.writeString(dir.resolve("bomb.yaml"), "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
                + "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
                + "d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n");
        Cli.Result bomb = Cli.run(dir, "validate", "--crd", "bomb.yaml", "-");
        assertEquals(2, bomb.code());
        assertTrue(bomb.err().startsWith("flinkops: bomb.yaml:") && bomb.err().lines().count() == 1, bomb.err());
        assertTrue(bomb.err().contains("alias"), bomb.err());
        Files.writeString(dir.resolve("missing.yaml"), "");
        Files.delete(dir.resolve("missing.yaml"));
        Cli.Result missing = Cli.run(dir, "validate", "--crd", "missing.yaml", "-");
        assertEquals("flinkops: missing.yaml:1:1: cannot read CRD file: no such file\n", missing.err());
    }

    @Test
    void invalidSpecFailsWithLocationAndKeepsPreviousOutput() throws Exception {
        TestRepo repo = samples();
        assertEquals(0, Cli.run(repo.root(), "build").code());
        Path kept = repo.root().resolve("build/manifests/dev/analytics/manifest.yaml");
        String before = Files.readString(kept);
        repo.edit("environments/dev/state-machine.yaml",
                "parallelism: 2", "parallelism: 0");
        Cli.Result r = Cli.run(repo.root(), "build");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("environments/dev/state-machine.yaml:14:5: error: FlinkDeployment/analytics/state-machine: job parallelism is 0"), r.out());
        assertTrue(r.err().contains("not writing output"));
        assertEquals(before, Files.readString(kept));
    }

    /** What a pre-commit hook hands over: specs, overlays and policy sets, each checked where it belongs. */
    @Test
    void filesAreCheckedWhereTheyBelong() {
        TestRepo repo = samples();
        Cli.Result clean = Cli.run(repo.root(), "validate", "environments/prod/state-machine.yaml",
                "overlays/prod/analytics/patches/state-machine-cost-center.yaml", "policies/baseline.yaml");
        assertEquals(0, clean.code(), clean.out());
        assertTrue(clean.out().contains("0 errors"), clean.out());

        repo.file("policies/baseline.yaml", repo.read("policies/baseline.yaml").replaceFirst("(?m)^kind: PolicySet$", "kind: PolicySet\nunknownField: 1"));
        Cli.Result broken = Cli.run(repo.root(), "validate", "policies/baseline.yaml");
        assertEquals(1, broken.code(), broken.out());
        assertTrue(broken.out().contains("policies/baseline.yaml:"), broken.out());
        assertFalse(broken.out().contains("environments/"), broken.out());
    }

    /**
     * A spec named alone gets exactly the findings a whole run places in it: only its own objects go
     * through the per-object checks, but against every other object of the environment (a shared
     * checkpoint folder, a session job's cluster in another file).
     */
    @Test
    void aSpecNamedAloneGetsTheFindingsAWholeRunPlacesInIt() {
        TestRepo repo = samples();
        String stateMachine = "environments/dev/state-machine.yaml";
        String sessionizer = "environments/dev/clickstream-sessionizer.yaml";
        String sessionJob = "environments/dev/top-speed-windowing.yaml";
        repo.file(stateMachine, repo.read(stateMachine).replace("parallelism: 2", "parallelism: 0"));
        repo.file(sessionizer, repo.read(sessionizer).replace("    state.backend.type: rocksdb\n",
                "    state.backend.type: rocksdb\n    state.checkpoints.dir: s3://acme-flink-state-dev/dev/analytics/state-machine/checkpoints\n"));
        Cli.Result whole = Cli.run(repo.root(), "validate", "--no-cache", "--env", "dev");
        assertEquals(1, whole.code(), whole.out());
        assertTrue(whole.out().contains("[state-path-shared]"), whole.out());
        assertTrue(whole.out().contains("[operator-parallelism-not-positive]"), whole.out());
        for (String file : List.of(stateMachine, sessionizer, sessionJob)) {
            Cli.Result alone = Cli.run(repo.root(), "validate", file);
            assertEquals(findingsIn(file, whole.out()), findingsIn(file, alone.out()), alone.out());
        }
        assertTrue(findingsIn(sessionJob, whole.out()).isEmpty(), whole.out()); // its cluster is found in another file
    }

    private static List<String> findingsIn(String file, String report) {
        return report.lines().filter(l -> l.startsWith(file + ":")).sorted().toList();
    }

    @Test
    void outputAndRepositoryThatAreFilesAreOneClearLine() throws Exception {
        TestRepo repo = samples();
        Files.writeString(repo.root().resolve("taken"), "a file");
        Cli.Result out = Cli.run(repo.root(), "build", "--out", "taken");
        assertEquals(2, out.code(), out.err());
        assertTrue(out.err().contains("taken is a file where a folder must go"), out.err());
        assertEquals(1, out.err().lines().filter(l -> l.startsWith("flinkops:")).count(), out.err());
        Cli.Result repoIsFile = Cli.run(repo.root(), "validate", "--repo", "taken");
        assertEquals(2, repoIsFile.code());
        assertTrue(repoIsFile.err().contains("is not a folder"), repoIsFile.err());
    }

    @Test
    void anOutputFolderGivenWithDotsIsTheFolderItNames() throws Exception {
        TestRepo repo = samples();
        Files.createDirectories(repo.root().resolve("out/here"));
        Cli.Result r = Cli.run(repo.root().resolve("out/here"), "build", "--repo", "../..", "--out", ".");
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.isRegularFile(repo.root().resolve("out/here/dev/analytics/manifest.yaml")), r.err());
        Cli.Result again = Cli.run(repo.root(), "build", "--out", "out/../out/./here");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("wrote 3 environment(s) to " + repo.root().resolve("out/here")), again.err());
    }

    /** A file too large to read is a finding on it, with and without the cache, never a crash. */
    @Test
    void aHugeFileIsOneFindingAndExitCode2() throws Exception {
        TestRepo repo = samples();
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(repo.root().resolve("environments/dev/huge.yaml").toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse
        }
        String expected = "environments/dev/huge.yaml:1:1: error: file is 3,221,225,472 bytes, over the limit of 4,194,304 bytes";
        for (String[] args : new String[][] {{"validate"}, {"validate", "--no-cache"}, {"validate", "environments/dev/huge.yaml"}}) {
            Cli.Result r = Cli.run(repo.root(), args);
            assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
            assertTrue(r.out().contains(expected), String.join(" ", args) + "\n" + r.out());
            assertFalse(r.err().contains("Exception"), r.err());
        }
    }

    /** A message quotes what the user wrote; a line break in it stays inside the finding's line. */
    @Test
    void aLineBreakInAQuotedValueCannotForgeAFinding() {
        String stream = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: app
                  namespace: jobs
                  labels: {team: "a\\nx.yaml:1:1: error: forged [none]\\u2028"}
                spec: {}
                """;
        for (String format : new String[] {"text", "markdown", "github"}) {
            Cli.Result r = Cli.runWithInput(dir, stream, "validate", "-", "--categories", "schema", "--format", format);
            assertEquals(1, r.code(), r.out());
            assertFalse(r.out().lines().anyMatch(l -> l.startsWith("x.yaml")), format + "\n" + r.out());
            // GitHub's runner splits workflow commands at \n only, and its format escapes that (%0A)
            assertTrue(format.equals("github") || !r.out().contains("\u2028"), format + "\n" + r.out());
        }
        assertTrue(Cli.runWithInput(dir, stream, "validate", "-", "--categories", "schema").out()
                .contains("label value 'a\\nx.yaml:1:1: error: forged [none]\\u2028' is not valid"));
    }

    /** A pipe or a device named as a file would block the run or never end: it is refused, not read. */
    @Test
    void aFileThatIsNotRegularIsRefused() {
        Path device = Path.of("/dev/zero");
        Cli.Result r = Cli.run(samples().root(), "validate", device.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("/dev/zero:1:1: error: not a regular file (a pipe, device or socket) [unreadable-input]"), r.out());
    }

    /** Manifests written among the inputs would be read back as specs by the next run. */
    @Test
    void anOutputFolderAmongTheInputsIsRefused() throws Exception {
        TestRepo repo = samples();
        Files.createSymbolicLink(repo.root().resolve("link"), repo.root().resolve("policies"));
        for (String out : new String[] {"environments/dev/out", "overlays", "link/generated"}) {
            Cli.Result r = Cli.run(repo.root(), "build", "--out", out);
            assertEquals(2, r.code(), out + "\n" + r.err());
            assertTrue(r.err().contains("which flinkops reads as input; write the manifests elsewhere"), r.err());
        }
        assertFalse(Files.exists(repo.root().resolve("environments/dev/out")));
        assertFalse(Files.exists(repo.root().resolve("policies/generated")));
    }

    /** A report named over a spec would destroy a file flinkops did not write. */
    @Test
    void aReportAmongTheInputsIsRefusedAndTheSpecKept() throws Exception {
        TestRepo repo = samples();
        Path spec = repo.root().resolve("environments/dev/state-machine.yaml");
        byte[] before = Files.readAllBytes(spec);
        Cli.Result r = Cli.run(repo.root(), "validate", "--format", "json", "-o", "environments/dev/state-machine.yaml");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--output " + spec + " lies inside environments/, which flinkops reads as input; "
                + "write the report elsewhere"), r.err());
        assertArrayEquals(before, Files.readAllBytes(spec));
        // elsewhere it is written whole, with nothing left beside it
        Cli.Result ok = Cli.run(repo.root(), "validate", "--format", "json", "-o", "reports/flinkops.json");
        assertEquals(0, ok.code(), ok.err());
        try (var listing = Files.list(repo.root().resolve("reports"))) {
            assertEquals(List.of("flinkops.json"), listing.map(p -> p.getFileName().toString()).toList());
        }
        // as readable as any file written there (a temporary file would be its owner's alone)
        Path plain = Files.writeString(repo.root().resolve("reports/plain.txt"), "x");
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(repo.root().resolve("reports/flinkops.json")));
    }

    /**
     * A report sent to a pipe (a shell's {@code >(jq .)}), like one to /dev/stdout or /dev/null, is written
     * through it: moving a finished file over it would put a regular file where the pipe or device was
     * (as root, in a CI container, /dev/null itself) and write past the reader. A symbolic link keeps
     * pointing at the report it names.
     */
    @Test
    void aReportToAPipeOrALinkIsWrittenThroughIt() throws Exception {
        TestRepo repo = samples();
        Path pipe = repo.root().resolve("report.pipe");
        Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).start();
        assertEquals(0, mkfifo.waitFor());
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(pipe);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Cli.Result toPipe = Cli.run(repo.root(), "validate", "--format", "json", "-o", "report.pipe");
        assertEquals(0, toPipe.code(), toPipe.err());
        assertTrue(read.get(60, TimeUnit.SECONDS).contains("\"diagnostics\""));
        assertTrue(Files.exists(pipe) && !Files.isRegularFile(pipe), "the pipe was replaced");

        Path real = Files.createDirectories(repo.root().resolve("reports")).resolve("run-1.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(repo.root().resolve("latest.json"), Path.of("reports/run-1.json"));
        Cli.Result toLink = Cli.run(repo.root(), "validate", "--format", "json", "-o", "latest.json");
        assertEquals(0, toLink.code(), toLink.err());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced");
        assertTrue(Files.readString(real).contains("\"diagnostics\""));
    }

    /** A folder that cannot be a name is not offered as one. */
    @Test
    void anEnvironmentFolderThatIsNoNameIsNamedInTheFix() throws Exception {
        TestRepo repo = samples();
        Files.move(repo.root().resolve("environments/dev"), repo.root().resolve("environments/Dev Env"));
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("environments/Dev Env/environment.yaml:5:3: error: environment is named 'dev' but lives in folder 'Dev Env'"
                + " [repository-layout]\n    fix: Rename the folder to environments/dev/"), r.out());
    }

    @Test
    void unreadableYamlExitsTwo() {
        TestRepo repo = samples();
        repo.file("environments/dev/broken.yaml", "apiVersion: flinkops.io/v1alpha1\nkind: FlinkJob\nmetadata:\n  name: [unclosed\n");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("environments/dev/broken.yaml:5:1: error: invalid YAML"), r.out());
    }

    /**
     * flinkops writes a FlinkJob's flinkConfiguration numbers and booleans as text; one that YAML reads
     * other than written (1.10 as 1.1, 010 as 8, yes as true) is an error rather than a silent change.
     */
    @Test
    void aConfigurationValueThatWouldReachFlinkOtherThanWrittenIsAnError() {
        TestRepo repo = samples();
        repo.edit("environments/dev/state-machine.yaml", "  size: small",
                "  size: small\n  flinkConfiguration:\n    pipeline.version: 1.10\n    pipeline.name: \"1.10\"\n"
                        + "    restart-strategy.fixed-delay.attempts: 010\n    some.flag: yes\n    parallelism.default: 4\n"
                        + "    execution.checkpointing.unaligned: true");
        Cli.Result r = Cli.run(repo.root(), "validate", "environments/dev/state-machine.yaml");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("environments/dev/state-machine.yaml:13:23: error: FlinkJob spec.flinkConfiguration.pipeline.version:"
                + " 1.10 reads as the number 1.1 and would reach Flink as \"1.1\" [spec-invalid]\n"
                + "    fix: Quote it to keep it as written (\"1.10\"), or write 1.1.\n"), r.out());
        assertTrue(r.out().contains("restart-strategy.fixed-delay.attempts: 010 reads as the number 8 and would reach Flink as \"8\""), r.out());
        assertTrue(r.out().contains("some.flag: yes reads as the boolean true and would reach Flink as \"true\""), r.out());
        assertTrue(r.out().contains("3 errors, 0 warnings"), r.out()); // "1.10" quoted, 4 and true as written: fine
    }

    /** A file that flinkops does not read where it lies, named on the command line, gets a note rather than silence. */
    @Test
    void aNamedFileThatIsNotYamlInAnEnvironmentGetsANote() throws Exception {
        TestRepo repo = samples();
        Files.writeString(repo.root().resolve("environments/dev/README.md"), "# dev\n");
        Cli.Result r = Cli.run(repo.root(), "validate", "environments/dev/README.md", "environments/dev/state-machine.yaml");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals("flinkops: note: environments/dev/README.md is not a .yaml or .yml file, which flinkops does not read under"
                + " environments/: nothing in it was checked\n", r.err());
        assertTrue(r.out().contains("1 object checked"), r.out());
    }

    /** An argument that starts with @ names a file, not a file of further arguments. */
    @Test
    void anArgumentStartingWithAtIsAPath() throws Exception {
        Path spec = dir.resolve("@job.yaml");
        Files.writeString(spec, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: flink}\n");
        Cli.Result r = Cli.run(dir, "validate", "@job.yaml", "--categories", "schema");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("1 object checked"), r.out());
        Cli.Result missing = Cli.run(dir, "validate", "@/no/such/file");
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("flinkops: @/no/such/file:1:1: no such file or folder"), missing.err());
    }

    /** A mapping key that is a number is named as a key, by the message and by its fix alike. */
    @Test
    void aNumberAsAKeyIsNamedAsAKey() {
        TestRepo repo = samples();
        repo.edit("environments/dev/state-machine.yaml",
                "  size: small", "  size: small\n  1: x");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("error: FlinkJob unknown field 'spec.1' [spec-invalid]\n"
                + "    fix: Remove or rename 'spec.1'; `flinkops schema FlinkJob` lists the fields."), r.out());
    }

    @Test
    void jsonFollowsTheContract() throws Exception {
        TestRepo repo = samples();
        repo.edit("environments/dev/state-machine.yaml",
                "  size: small", "  size: small\n  surprise: true");
        Cli.Result r = Cli.run(repo.root(), "validate", "--format", "json");
        assertEquals(1, r.code());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode d = json.path("diagnostics").get(0);
        assertEquals("spec-invalid", d.path("rule").asText());
        assertEquals("parse", d.path("category").asText());
        assertEquals("error", d.path("severity").asText());
        assertEquals("environments/dev/state-machine.yaml", d.path("file").asText());
        assertEquals(12, d.path("line").asInt());
        assertEquals(3, d.path("column").asInt());
        assertEquals("/spec/surprise", d.path("pointer").asText());
        assertEquals(1, json.path("summary").path("errors").asInt());
    }

    @Test
    void reportsGoToFilesPerFormat() throws Exception {
        TestRepo repo = samples();
        Cli.Result r = Cli.run(repo.root(), "validate", "--format", "github", "--format", "json", "--output", "out/report.json",
                "--format", "text", "--format", "sarif", "-o", "out/report.sarif");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("0 errors"), r.out());
        assertTrue(new ObjectMapper().readTree(repo.root().resolve("out/report.json").toFile()).has("diagnostics"));
        assertEquals("2.1.0", new ObjectMapper().readTree(repo.root().resolve("out/report.sarif").toFile()).path("version").asText());
        // a report whose folder would have to be a file says which, in one line
        Cli.Result blocked = Cli.run(repo.root(), "validate", "--format", "json", "--output", "out/report.json/nested.json");
        assertEquals(2, blocked.code(), blocked.out() + blocked.err());
        assertEquals("flinkops: cannot write report out/report.json/nested.json: " + repo.root().resolve("out/report.json")
                + " is a file where a folder must go\n", blocked.err());
    }

    @Test
    void validatesAStreamFromStdin() {
        String stream = """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: jobs
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: app
                  namespace: jobs
                spec:
                  flinkVersion: v1_17
                  serviceAccount: flink
                  jobManager: {resource: {memory: 1g}}
                  taskManager: {resource: {memory: 2g}}
                  job: {jarURI: "local:///job.jar", parallelism: 1, upgradeMode: savepoint}
                """;
        Cli.Result r = Cli.runWithInput(dir, stream, "validate", "-", "--categories", "schema,operator", "--operator-version", "1.7.0");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("-:16:53: error: FlinkDeployment/jobs/app: upgradeMode savepoint needs state.checkpoints.dir [operator-checkpoint-dir-missing]"), r.out());
        assertFalse(r.out().contains("[namespace-"), r.out());
    }

    /** kubectl and kustomize apply the items of a List; a bad item is found where it was written. */
    @Test
    void theItemsOfAListAreChecked() {
        String stream = """
                apiVersion: v1
                kind: List
                items:
                  - apiVersion: v1
                    kind: ServiceAccount
                    metadata: {name: flink, namespace: jobs}
                  - apiVersion: flink.apache.org/v1beta1
                    kind: FlinkDeployment
                    metadata:
                      name: app
                      namespace: jobs
                    spec:
                      flinkVersion: v1_17
                      serviceAccount: flink
                      jobManager: {resource: {memory: 1g}}
                      taskManager: {resource: {memory: 2g}}
                      job: {jarURI: "local:///job.jar", parallelism: 0}
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeploymentList
                items: null
                """;
        Cli.Result r = Cli.runWithInput(dir, stream, "validate", "-", "--categories", "schema,operator");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("-:17:41: error: FlinkDeployment/jobs/app: job parallelism is 0"), r.out());
        assertTrue(r.out().contains("[operator-parallelism-not-positive]"), r.out());
        assertTrue(r.out().endsWith("1 error, 0 warnings, 0 info; 2 objects checked\n"), r.out());
        Cli.Result notAList = Cli.runWithInput(dir, "apiVersion: v1\nkind: List\nitems: {a: b}\n", "validate", "-");
        assertEquals(1, notAList.code(), notAList.out());
        assertTrue(notAList.out().contains("-:3:1: error: List items must be a list of resources [unknown-kind]"), notAList.out());
    }

    /**
     * A manifest no environment holds is judged as the cluster would judge it: an error is what the API
     * server or the operator refuses, and the built-in policies are advice, as no policy set was written
     * for it. Judged as an environment's objects (--env), its policy sets decide, errors and all.
     */
    @Test
    void aRawManifestFailsOnlyOnWhatTheClusterRefusesAndPoliciesAdvise() throws Exception {
        TestRepo repo = samples();
        String manifest = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: basic-example}
                spec:
                  image: flink:1.17
                  flinkVersion: v1_17
                  serviceAccount: flink
                  jobManager: {resource: {memory: 2048m, cpu: 1}}
                  taskManager: {resource: {memory: 2048m, cpu: 1}}
                  job: {jarURI: "local:///opt/flink/examples/streaming/StateMachineExample.jar", parallelism: 2, upgradeMode: stateless}
                """;
        Files.writeString(repo.root().resolve("basic.yaml"), manifest);
        Cli.Result raw = Cli.run(repo.root(), "validate", "basic.yaml");
        assertEquals(0, raw.code(), raw.out());
        assertTrue(raw.out().contains("basic.yaml:3:1: warning: FlinkDeployment/basic-example: runs in namespace default, a shared or system"
                + " namespace [namespace-reserved]"), raw.out());
        assertTrue(raw.out().endsWith("0 errors, 2 warnings, 0 info; 1 object checked\n"), raw.out());
        // what the cluster refuses stays an error
        Files.writeString(repo.root().resolve("basic.yaml"), manifest.replace("parallelism: 2", "parallelism: 0"));
        Cli.Result refused = Cli.run(repo.root(), "validate", "basic.yaml");
        assertEquals(1, refused.code(), refused.out());
        assertTrue(refused.out().endsWith("1 error, 2 warnings, 0 info; 1 object checked\n"), refused.out());
        // a CI that holds raw manifests to the built-in policies asks for their own severities
        Files.writeString(repo.root().resolve("basic.yaml"), manifest);
        Cli.Result enforced = Cli.run(repo.root(), "validate", "--enforce-policies", "basic.yaml");
        assertEquals(1, enforced.code(), enforced.out());
        assertTrue(enforced.out().contains("basic.yaml:3:1: error: FlinkDeployment/basic-example: runs in namespace default"), enforced.out());
        assertEquals("", enforced.err());
        // as prod's object, prod's policy sets apply: a job in the default namespace is an error there
        Cli.Result prod = Cli.runWithInput(repo.root(), manifest, "validate", "-", "--env", "prod");
        assertEquals(1, prod.code(), prod.out());
        assertTrue(prod.out().contains("-:3:1: error: FlinkDeployment/basic-example: runs in namespace default"), prod.out());
        // where policy sets judge, the option has nothing to do, and says so
        Cli.Result asProd = Cli.runWithInput(repo.root(), manifest, "validate", "-", "--env", "prod", "--enforce-policies");
        assertEquals(prod.out(), asProd.out());
        assertEquals("flinkops: note: --enforce-policies is for raw resources outside environments/, without --env; environment prod's"
                + " policy sets judge these\n", asProd.err());
        Cli.Result specs = Cli.run(repo.root(), "validate", "--enforce-policies", "environments/prod/state-machine.yaml");
        assertEquals(0, specs.code(), specs.out());
        assertEquals("flinkops: note: --enforce-policies is for raw resources outside environments/, without --env; each environment is"
                + " judged by its own policy sets\n", specs.err());
    }

    /** An environment is judged by the operator its cluster runs; --operator-version is for what no environment holds, and says so. */
    @Test
    void anEnvironmentIsJudgedByTheOperatorItRunsWhateverTheOption() throws Exception {
        TestRepo repo = samples().edit("environments/prod/state-machine.yaml", "flink:1.17.2-scala_2.12-java11", "flink:1.20.0-scala_2.12-java11")
                .edit("environments/prod/state-machine.yaml", "flinkVersion: v1_17", "flinkVersion: v1_20");
        String note = "flinkops: note: --operator-version 1.10.0 is for resources outside environments/; each environment is judged by"
                + " the operator version its environment.yaml names (spec.operator.version)\n";
        for (String[] spec : new String[][] {{}, {"environments/prod/state-machine.yaml"}}) {
            // prod runs operator 1.7.0, whose CRD does not list Flink 1.20, whatever the option says
            for (String[] option : new String[][] {{}, {"--operator-version", "1.10.0"}}) {
                Cli.Result r = Cli.run(repo.root(), concat(concat(new String[] {"validate"}, option), spec));
                assertEquals(1, r.code(), r.out());
                assertTrue(r.out().contains("environments/prod/state-machine.yaml:10:3: error: FlinkDeployment/analytics/state-machine:"
                        + " spec.flinkVersion: does not have a value in the enumeration"), r.out());
                assertEquals(option.length == 0 ? "" : note, r.err());
            }
        }
        Cli.Result build = Cli.run(repo.root(), "build", "--operator-version", "1.10.0");
        assertEquals(1, build.code(), build.out());
        assertTrue(build.err().startsWith(note), build.err());
        // beside a raw file, the option has a use: no note
        Files.writeString(repo.root().resolve("raw.yaml"), Files.readString(repo.root().resolve("environments/prod/state-machine.yaml")));
        Cli.Result mixed = Cli.run(repo.root(), "validate", "--operator-version", "1.10.0", "environments/prod/state-machine.yaml", "raw.yaml");
        assertEquals("", mixed.err());
        Cli.Result unknown = Cli.run(repo.root(), "build", "--operator-version", "1.99.0");
        assertEquals(2, unknown.code());
        assertEquals("flinkops: --operator-version 1.99.0 has no built-in CRDs (built in: 1.7.0, 1.10.0); name its CRD files with --crd\n",
                unknown.err());
        assertTrue(Files.notExists(repo.root().resolve("build/manifests")));
    }

    private static String[] concat(String[] a, String[] b) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(a), java.util.Arrays.stream(b)).toArray(String[]::new);
    }

    /** A stream judged as an environment's needs that environment: one that is missing or does not load says so, where. */
    @Test
    void aStreamForAnEnvironmentThatIsMissingOrBrokenIsOneLine() {
        TestRepo repo = samples();
        String stream = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: analytics}\n";
        Cli.Result missing = Cli.runWithInput(repo.root(), stream, "validate", "-", "--env", "../dev");
        assertEquals(2, missing.code());
        assertEquals("flinkops: no environment '../dev' (expected environments/../dev/environment.yaml)\n", missing.err());
        repo.edit("environments/dev/environment.yaml", "production: false", "production: maybe");
        Cli.Result broken = Cli.runWithInput(repo.root(), stream, "validate", "-", "--env", "dev");
        assertEquals(2, broken.code());
        assertEquals("flinkops: environments/dev/environment.yaml:7:3: environment 'dev' does not load, so it cannot judge the stream:"
                + " Environment spec.production: string found, boolean expected [spec-invalid]\n", broken.err());
    }

    /**
     * A kind under an apiVersion no cluster serves it in is refused, as the API server refuses it: the operator's
     * kinds live in flink.apache.org alone, and the core group serves only v1 and its own kinds. A custom
     * resource of another group is not judged.
     */
    @Test
    void aKindUnderAnApiVersionNoClusterServesIsRefused() throws Exception {
        String stream = "apiVersion: v1\nkind: FlinkSessionJob\nmetadata: {name: j, namespace: jobs}\nspec: {deploymentName: s}\n---\n"
                + "apiVersion: v1\nkind: Deployment\nmetadata: {name: d, namespace: jobs}\n---\n"
                + "apiVersion: \"1\"\nkind: ConfigMap\nmetadata: {name: c, namespace: jobs}\n---\n"
                + "apiVersion: karpenter.sh/v1\nkind: NodePool\nmetadata: {name: flink}\n";
        Cli.Result r = Cli.runWithInput(dir, stream, "validate", "-");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("-:1:1: error: unknown apiVersion/kind v1/FlinkSessionJob (FlinkSessionJob is flink.apache.org/v1beta1)"
                + " [unknown-kind]"), r.out());
        assertTrue(r.out().contains("-:6:1: error: unknown apiVersion/kind v1/Deployment: the core API group (v1) serves no such kind"
                + " (Deployment is apps/v1) [unknown-kind]"), r.out());
        assertTrue(r.out().contains("-:10:1: error: unknown apiVersion '1': the core API group serves only v1 [unknown-kind]"), r.out());
        assertTrue(r.out().contains("3 errors, "), r.out());
        assertTrue(r.out().endsWith("; 1 object checked\n"), r.out());
    }

    /** A folder of manifests may hold kustomize's own file: named for what it is, not as a resource without a name. */
    @Test
    void aKustomizationAmongRawFilesIsNamedForWhatItIs() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("k8s"));
        Files.writeString(folder.resolve("kustomization.yaml"), "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [cm.yaml]\n");
        Files.writeString(folder.resolve("cm.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: jobs}\ndata: {a: b}\n");
        Cli.Result r = Cli.run(dir, "validate", "k8s");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().startsWith("k8s/kustomization.yaml:2:1: error: a Kustomization is kustomize's configuration, not a resource"
                + " the cluster takes [unknown-kind]\n    fix: Check what it renders: kubectl kustomize <its folder> | flinkops validate -\n"), r.out());
        assertTrue(r.out().endsWith("1 error, 0 warnings, 0 info; 1 object checked\n"), r.out());
    }

    /** A root rendered by kustomize, overlays applied, is judged by the operator its environment runs. */
    @Test
    void aStreamIsJudgedAsTheEnvironmentItIsFor() {
        TestRepo repo = samples();
        String stream = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: old, namespace: analytics}
                spec:
                  flinkVersion: v1_14
                  serviceAccount: flink
                  jobManager: {resource: {memory: 2g, cpu: 1}}
                  taskManager: {resource: {memory: 2g, cpu: 1}}
                  job: {jarURI: "local:///job.jar", parallelism: 1}
                """;
        Cli.Result prod = Cli.runWithInput(repo.root(), stream, "validate", "-", "--env", "prod", "--categories", "schema,operator");
        assertEquals(0, prod.code(), prod.out()); // prod runs operator 1.7.0, which still runs Flink 1.14
        Cli.Result dev = Cli.runWithInput(repo.root(), stream, "validate", "-", "--env", "dev", "--categories", "schema,operator");
        assertEquals(1, dev.code(), dev.out()); // dev runs operator 1.10.0, which does not
        assertTrue(dev.out().contains("-:5:3: error: FlinkDeployment/analytics/old: Flink version v1_14 is not supported by operator 1.10.0"), dev.out());
        Cli.Result none = Cli.runWithInput(repo.root(), stream, "validate", "-", "--env", "nope");
        assertEquals(2, none.code(), none.out());
    }

    @Test
    void renderedStreamsMayBeLargerThanOneFile() {
        StringBuilder stream = new StringBuilder();
        int i = 0;
        while (stream.length() < 5 * 1024 * 1024) {
            stream.append("---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-").append(i++)
                    .append("\n  namespace: jobs\ndata:\n  payload: \"").append("x".repeat(2000)).append("\"\n");
        }
        Cli.Result r = Cli.runWithInput(dir, stream.toString(), "validate", "-", "--categories", "schema,operator");
        assertEquals(0, r.code(), r.err() + r.out().lines().limit(3).toList());
    }

    @Test
    void explainAndSchema() throws Exception {
        Cli.Result explain = Cli.run(dir, "explain", "state-path-shared");
        assertEquals(0, explain.code());
        assertTrue(explain.out().startsWith("# state-path-shared"));
        assertEquals(2, Cli.run(dir, "explain", "no-such-rule").code());
        Cli.Result schema = Cli.run(dir, "schema", "FlinkJob");
        assertEquals(0, schema.code());
        assertEquals("FlinkJob", new ObjectMapper().readTree(schema.out()).path("title").asText());
    }

    @Test
    void foreignFilesInTheOutputStopTheBuild() throws Exception {
        TestRepo repo = samples();
        repo.file("build/manifests/dev/notes.txt", "mine");
        Cli.Result r = Cli.run(repo.root(), "build");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("holds files flinkops did not write (notes.txt)"), r.err());
        assertEquals("mine", repo.read("build/manifests/dev/notes.txt"));
    }
}
