package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that look like specs where flinkops reads specs, but that it passes over (by the case of their
 * extension, written as JSON, or outside any environment's folder), are named in a warning: their jobs
 * would never deploy. Other files (a README, a JSON schema for editors) are passed over in silence.
 */
class FileNotReadTest {
    @TempDir
    Path dir;

    private static final String RULE = "[file-not-read]";

    private TestRepo repoWithPassedOverFiles() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        String spec = repo.read("environments/dev/state-machine.yaml").replace("name: state-machine", "name: other");
        repo.file("environments/dev/other.YAML", spec)
                .file("environments/dev/flinkjob.schema.json", "{\"type\": \"object\"}")
                .file("environments/dev/README.md", "# notes, not a spec\n")
                .file("environments/stray.yaml", spec)
                .file("environments/prod/other.Yml", spec)
                .file("policies/strict.YAML", "apiVersion: flinkops.io/v1alpha1\n")
                .file("overlays/dev/analytics/patches/p.Yaml", "{}");
        Files.createDirectories(repo.root().resolve("overlays/dev/analytics/resources"));
        return repo;
    }

    private static List<String> warnings(String out) {
        return out.lines().filter(l -> l.contains(RULE)).toList();
    }

    @Test
    void aRepositoryRunNamesEveryFilePassedOver() throws Exception {
        TestRepo repo = repoWithPassedOverFiles();
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> warnings = warnings(r.out());
        String byExtension = "warning: not read: flinkops reads files ending in .yaml or .yml, in lower case (as kubectl and "
                + "Argo CD do), so nothing in this file is compiled or checked " + RULE;
        assertEquals(List.of(
                "environments/dev/other.YAML:1:1: " + byExtension,
                "environments/prod/other.Yml:1:1: " + byExtension,
                "environments/stray.yaml:1:1: warning: not read: a file directly in environments/ belongs to no environment; "
                        + "specs go in environments/<env>/ beside its environment.yaml " + RULE,
                "overlays/dev/analytics/patches/p.Yaml:1:1: " + byExtension,
                "policies/strict.YAML:1:1: " + byExtension),
                warnings, r.out());
        assertTrue(r.out().contains("fix: Move the file into the folder of its environment"), r.out());
        assertTrue(r.out().contains("fix: Rename the file to end in .yaml or .yml, in lower case."), r.out());
        // a build writes its output all the same: a warning is not an error
        assertEquals(0, Cli.run(repo.root(), "build").code());
    }

    @Test
    void oneEnvironmentsRunNamesItsOwnAndAWarmCacheNamesThemToo() throws Exception {
        TestRepo repo = repoWithPassedOverFiles();
        Cli.Result dev = Cli.run(repo.root(), "validate", "--env", "dev");
        List<String> files = warnings(dev.out()).stream().map(l -> l.substring(0, l.indexOf(':'))).toList();
        assertEquals(List.of("environments/dev/other.YAML", "overlays/dev/analytics/patches/p.Yaml", "policies/strict.YAML"),
                files, dev.out());
        // the second run takes dev from the result cache, and says the same
        assertEquals(dev.out(), Cli.run(repo.root(), "validate", "--env", "dev").out());
        // a check of named specs reports on those specs only
        Cli.Result spec = Cli.run(repo.root(), "validate", "environments/dev/state-machine.yaml");
        assertEquals(List.of(), warnings(spec.out()), spec.out());
    }

    @Test
    void filesFlinkopsReadsOrThatAreNoSpecsAreNotNamed() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.file("environments/dev/README.md", "# notes\n").file("environments/dev/job.yaml.bak", "x: 1\n")
                .file("environments/flinkjob.schema.json", "{}").file("environments/dev/job.json", "{}")
                .file("environments/dev/extra.yml", repo.read("environments/dev/state-machine.yaml").replace("name: state-machine", "name: extra"));
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(0, r.code(), r.out());
        assertEquals(List.of(), warnings(r.out()), r.out());
    }

    /**
     * JSON is YAML, but flinkops reads files named .yaml or .yml: a spec or policy set written as JSON
     * (it names an apiVersion and a kind) is named, as is any JSON among overlays (a JSON 6902 patch,
     * which kustomize would apply and flinkops does not); an editor's JSON schema is not.
     */
    @Test
    void jsonThatWouldBeReadAsYamlIsNamed() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        repo.file("environments/dev/job.json", "{\"apiVersion\": \"flinkops.io/v1alpha1\", \"kind\": \"FlinkJob\", \"metadata\": {\"name\": \"j\"}}")
                .file("environments/dev/flinkjob.schema.json", "{\"type\": \"object\", \"properties\": {\"kind\": {\"type\": \"string\"}}}")
                .file("overlays/dev/analytics/patches/scale.json", "[{\"op\": \"replace\", \"path\": \"/spec/job/parallelism\", \"value\": 4}]")
                .file("policies/strict.JSON", "{\"apiVersion\": \"flinkops.io/v1alpha1\", \"kind\": \"PolicySet\"}");
        Cli.Result r = Cli.run(repo.root(), "validate");
        assertEquals(0, r.code(), r.out() + r.err());
        assertEquals(List.of(
                "environments/dev/job.json:1:1: warning: not read: flinkops reads files ending in .yaml or .yml, so nothing in this"
                        + " JSON file is compiled or checked " + RULE,
                "overlays/dev/analytics/patches/scale.json:1:1: warning: not read: flinkops applies overlays written in files ending"
                        + " in .yaml or .yml (strategic-merge patches and extra resources), so this JSON file (a JSON 6902 patch?) is"
                        + " neither checked nor applied " + RULE,
                "policies/strict.JSON:1:1: warning: not read: flinkops reads files ending in .yaml or .yml, so nothing in this JSON"
                        + " file is compiled or checked " + RULE),
                warnings(r.out()), r.out());
        assertTrue(r.out().contains("fix: Rename the file to end in .yaml: its JSON is YAML as it is."), r.out());
    }
}
