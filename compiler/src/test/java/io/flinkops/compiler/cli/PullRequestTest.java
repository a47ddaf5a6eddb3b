package io.flinkops.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.GitRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pull-request gate on real Git repositories: revisions, diffs, new/existing findings, base policies. */
class PullRequestTest {
    @TempDir
    Path dir;

    GitRepo repo;
    String first;
    String second;

    @BeforeEach
    void history() throws Exception {
        repo = new GitRepo(dir);
        repo.files().withSamples();
        first = repo.commit("samples");
        repo.files().file("environments/dev/state-machine.yaml", repo.files().read("environments/dev/state-machine.yaml")
                .replace("periodicInterval: 6h", "periodicInterval: 12h"));
        second = repo.commit("longer savepoint interval");
    }

    @AfterEach
    void close() {
        repo.close();
    }

    @Test
    void validatesAnyRevisionWithoutCheckingItOut() throws Exception {
        repo.files().file("environments/dev/state-machine.yaml", "not: [valid");
        assertEquals(2, Cli.run(dir, "validate").code());
        assertEquals(0, Cli.run(dir, "validate", "--ref", "HEAD").code());
        assertEquals(0, Cli.run(dir, "validate", "--ref", "HEAD~1").code());
        assertEquals(0, Cli.run(dir, "validate", "--ref", first.substring(0, 10)).code());
        Cli.Result unknown = Cli.run(dir, "validate", "--ref", "no-such-branch");
        assertEquals(2, unknown.code());
        assertTrue(unknown.err().contains("unknown Git revision 'no-such-branch'"), unknown.err());
        Cli.Result unsupported = Cli.run(dir, "validate", "--ref", "HEAD@{1 year ago}");
        assertEquals(2, unsupported.code());
        assertEquals("flinkops: cannot read Git revision 'HEAD@{1 year ago}': JGit cannot resolve it (RevisionSyntaxException)\n",
                unsupported.err());
        Cli.Result blob = Cli.run(dir, "validate", "--ref", "HEAD:environments/dev/environment.yaml");
        assertEquals(2, blob.code());
        assertEquals(1, blob.err().lines().count(), blob.err());
    }

    @Test
    void findingsOnARevisionNameTheFileInThatCommit() throws Exception {
        repo.branch("broken");
        repo.files().file("environments/dev/state-machine.yaml", repo.files().read("environments/dev/state-machine.yaml")
                .replace("parallelism: 2", "parallelism: 0"));
        repo.commit("break it");
        repo.checkout("main");
        Cli.Result r = Cli.run(dir, "validate", "--ref", "broken");
        assertEquals(1, r.code());
        assertTrue(r.out().contains("environments/dev/state-machine.yaml:14:5: error:"), r.out());
    }

    @Test
    void diffShowsAChangedJob() throws Exception {
        repo.branch("change");
        repo.files().file("environments/dev/state-machine.yaml", repo.files().read("environments/dev/state-machine.yaml")
                .replace("parallelism: 2", "parallelism: 4"));
        repo.commit("more parallelism");
        Cli.Result r = Cli.run(dir, "diff", "--base", "main", "--head", "change", "--format", "json");
        assertEquals(0, r.code(), r.out() + r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        JsonNode changes = json.path("review").path("changes");
        assertEquals(1, changes.size(), changes.toString());
        assertEquals("FlinkDeployment/analytics/state-machine", changes.get(0).path("object").asText());
        assertEquals("changed", changes.get(0).path("change").asText());
        assertTrue(changes.get(0).path("diff").asText().contains("-    parallelism: 2\n+    parallelism: 4"), changes.get(0).path("diff").asText());

        String md = Cli.run(dir, "diff", "--base", "main", "--head", "change", "--format", "markdown").out();
        assertTrue(md.contains("**dev**: 0 added, 1 changed, 0 removed"), md);
        assertTrue(md.contains("-    parallelism: 2\n+    parallelism: 4"), md);
        String html = Cli.run(dir, "diff", "--base", "main", "--head", "change", "--format", "html").out();
        assertTrue(html.contains("<h3>dev: 0 added, 1 changed, 0 removed</h3>"), html);
        assertTrue(html.contains("<li>changed <code>FlinkDeployment/analytics/state-machine</code>"), html);
        assertTrue(html.contains("-    parallelism: 2\n+    parallelism: 4"), html);
    }

    /** What an overlay adds or changes reaches the cluster as surely as a spec's change: the diff shows it. */
    @Test
    void diffShowsOverlayChanges() throws Exception {
        repo.branch("overlays");
        repo.files().file("overlays/prod/analytics/resources/team-config.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: team-config\n");
        repo.files().file("overlays/prod/analytics/patches/state-machine-cost-center.yaml",
                repo.files().read("overlays/prod/analytics/patches/state-machine-cost-center.yaml").replace("\"4711\"", "\"4712\""));
        repo.commit("a team ConfigMap, another cost center");
        Cli.Result r = Cli.run(dir, "diff", "--base", "main", "--head", "overlays");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  changed prod analytics/overlay-patch-state-machine-cost-center.yaml\n"
                + "  added prod analytics/overlay-team-config.yaml\n"), r.out());
        assertTrue(r.out().contains("--- a/prod/analytics/overlay-patch-state-machine-cost-center.yaml\n"
                + "+++ b/prod/analytics/overlay-patch-state-machine-cost-center.yaml\n"), r.out());
        assertTrue(r.out().contains("-    acme.com/cost-center: \"4711\"\n+    acme.com/cost-center: \"4712\"\n"), r.out());
    }

    @Test
    void newAndExistingFindingsAndFailOnNew() throws Exception {
        repo.files().file("environments/dev/state-machine.yaml", repo.files().read("environments/dev/state-machine.yaml")
                .replace("image: flink:1.17.2-scala_2.12-java11", "image: flink:latest"));
        repo.commit("an existing finding on main");
        repo.branch("feature");
        repo.files().file("environments/dev/clickstream-sessionizer.yaml", repo.files().read("environments/dev/clickstream-sessionizer.yaml")
                .replace("parallelism: 4", "parallelism: -1"));
        repo.commit("break the sessionizer");
        Cli.Result any = Cli.run(dir, "diff", "--base", "main", "--head", "feature");
        assertEquals(1, any.code());
        assertTrue(any.out().contains("[image-tag-unpinned] (existing)"), any.out());
        assertTrue(any.out().contains("[operator-parallelism-not-positive] (new)"), any.out());
        String md = Cli.run(dir, "diff", "--base", "main", "--head", "feature", "--format", "markdown").out();
        assertTrue(md.contains("| error **(new)** | `environments/dev/clickstream-sessionizer.yaml:"), md);
        assertTrue(md.contains("| error (existing) | `environments/dev/state-machine.yaml:"), md);
        String html = Cli.run(dir, "diff", "--base", "main", "--head", "feature", "--format", "html").out();
        assertTrue(html.contains("<td class=\"error\">error (new)</td><td><code>environments/dev/clickstream-sessionizer.yaml:"), html);

        repo.checkout("main");
        repo.branch("harmless");
        repo.files().file("environments/dev/state-machine.yaml", repo.files().read("environments/dev/state-machine.yaml")
                .replace("parallelism: 2", "parallelism: 3"));
        repo.commit("harmless change");
        assertEquals(1, Cli.run(dir, "diff", "--base", "main", "--head", "harmless").code());
        assertEquals(0, Cli.run(dir, "diff", "--base", "main", "--head", "harmless", "--fail-on", "new").code());
    }

    /**
     * A base whose policies do not load judges nothing; the pull request that repairs them is judged
     * by its own, and says so. One that leaves them broken is still judged by the base.
     */
    @Test
    void aPullRequestThatRepairsUnloadablePoliciesIsJudgedByItsOwn() throws Exception {
        String good = repo.files().read("policies/baseline.yaml");
        repo.files().file("policies/baseline.yaml", good + "garbage: [\n");
        repo.commit("break the policies on main");
        repo.branch("untouched");
        repo.files().file("environments/dev/state-machine.yaml", repo.files().read("environments/dev/state-machine.yaml")
                .replace("parallelism: 2", "parallelism: 3"));
        repo.commit("an unrelated change");
        Cli.Result untouched = Cli.run(dir, "diff", "--base", "main", "--head", "untouched");
        assertEquals(2, untouched.code(), untouched.out());
        assertTrue(untouched.out().contains("policies/baseline.yaml:"), untouched.out());

        repo.checkout("main");
        repo.branch("repair");
        repo.files().file("policies/baseline.yaml", good);
        repo.files().file("environments/prod/state-machine.yaml", repo.files().read("environments/prod/state-machine.yaml")
                .replace("image: flink:1.17.2-scala_2.12-java11", "image: flink:latest"));
        repo.commit("repair the policies, and break a rule they hold");
        Cli.Result repair = Cli.run(dir, "diff", "--base", "main", "--head", "repair", "--fail-on", "new");
        assertEquals(1, repair.code(), repair.out());
        assertTrue(repair.out().contains("the base revision's policies do not load, so both sides are judged by this change's policies:\n"
                + "  on the base: policies/baseline.yaml:"), repair.out());
        assertTrue(repair.out().contains("[image-tag-unpinned] (new)"), repair.out());
        assertFalse(repair.out().lines().anyMatch(l -> l.contains("[unreadable-input] (")), repair.out()); // not a finding of the head
        JsonNode json = new ObjectMapper().readTree(Cli.run(dir, "diff", "--base", "main", "--head", "repair", "--format", "json").out());
        assertEquals("head", json.path("review").path("policiesFrom").asText());
    }

    @Test
    void aPullRequestCannotDisableTheRuleItBreaks() throws Exception {
        repo.branch("sneaky");
        repo.files().file("policies/baseline.yaml", repo.files().read("policies/baseline.yaml")
                .replace("  rules:\n", "  rules:\n    image-tag-unpinned:\n      enabled: false\n"));
        repo.files().file("environments/prod/state-machine.yaml", repo.files().read("environments/prod/state-machine.yaml")
                .replace("image: flink:1.17.2-scala_2.12-java11", "image: flink:latest"));
        repo.commit("disable the rule and break it");
        assertEquals(0, Cli.run(dir, "validate", "--ref", "sneaky").code(), "its own policies would pass it");
        Cli.Result r = Cli.run(dir, "diff", "--base", "main", "--head", "sneaky");
        assertEquals(1, r.code(), r.out());
        assertTrue(r.out().contains("This change edits policies/baseline.yaml"), r.out());
        assertTrue(r.out().contains("the edit would relax: environments/prod/state-machine.yaml"), r.out());
        assertEquals(1, Cli.run(dir, "validate", "--ref", "sneaky", "--policies-from", "main").code());
    }

    @Test
    void provenanceNamesTheCommitOfACleanCheckout() throws Exception {
        assertEquals(0, Cli.run(dir, "build").code());
        String fd = repo.files().read("build/manifests/dev/analytics/manifest.yaml");
        assertTrue(fd.contains("flinkops.io/commit: " + second), fd);
        assertTrue(fd.contains("flinkops.io/source: environments/dev/state-machine.yaml"), fd);
        // a change outside the output's sources (specs, overlays) says nothing about where the objects came from
        repo.files().file("README.md", "edited, not committed\n");
        assertEquals(0, Cli.run(dir, "build").code());
        assertTrue(repo.files().read("build/manifests/dev/analytics/manifest.yaml").contains("flinkops.io/commit: " + second));
        repo.files().file("environments/dev/extra.yaml", repo.files().read("environments/dev/state-machine.yaml").replace("name: state-machine", "name: extra"));
        assertEquals(0, Cli.run(dir, "build").code());
        assertFalse(repo.files().read("build/manifests/dev/analytics/manifest.yaml").contains("flinkops.io/commit"));
    }
}
