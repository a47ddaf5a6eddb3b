package io.flinkops.compiler.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

/** Each report format on a repository with findings: SARIF validates, JUnit parses, GitHub lines match the syntax. */
class ReportFormatsTest {
    @TempDir
    Path dir;

    TestRepo repo;

    @BeforeEach
    void repoWithFindings() {
        repo = new TestRepo(dir).withSamples();
        repo.file("environments/dev/state-machine.yaml", repo.read("environments/dev/state-machine.yaml")
                .replace("image: flink:1.17.2-scala_2.12-java11", "image: flink:latest")
                .replace("parallelism: 2", "parallelism: 0"));
    }

    private String run(String format) {
        Cli.Result r = Cli.run(repo.root(), "validate", "--format", format);
        assertEquals(1, r.code(), r.err());
        return r.out();
    }

    @Test
    void sarifValidatesAgainstTheSarif210Schema() throws Exception {
        String sarif = run("sarif");
        Schema schema;
        try (InputStream in = getClass().getResourceAsStream("/sarif/sarif-2.1.0-rtm.5.json")) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
        }
        JsonNode doc = new ObjectMapper().readTree(sarif);
        List<Error> errors = schema.validate(doc);
        assertTrue(errors.isEmpty(), errors.toString());
        JsonNode result = doc.path("runs").get(0).path("results").get(0);
        assertEquals("environments/dev/state-machine.yaml", result.path("locations").get(0).path("physicalLocation").path("artifactLocation").path("uri").asText());
        assertTrue(result.path("locations").get(0).path("physicalLocation").path("region").path("startLine").asInt() > 1);
        JsonNode rules = doc.path("runs").get(0).path("tool").path("driver").path("rules");
        assertEquals(result.path("ruleId").asText(), rules.get(result.path("ruleIndex").asInt()).path("id").asText());
        assertTrue(rules.get(0).path("help").path("text").asText().endsWith("."));
    }

    @Test
    void junitHasOneTestCasePerObject() throws Exception {
        String xml = run("junit");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        int cases = doc.getElementsByTagName("testcase").getLength();
        int objects = new ObjectMapper().readTree(run("json")).path("summary").path("objects").asInt();
        assertTrue(objects > 50);
        assertEquals(objects, cases);
        assertEquals(1, doc.getElementsByTagName("failure").getLength());
        String failure = doc.getElementsByTagName("failure").item(0).getTextContent();
        assertTrue(failure.contains("environments/dev/state-machine.yaml:14:5"), failure);
    }

    @Test
    void githubLinesAreWorkflowCommands() {
        Pattern command = Pattern.compile("^::(error|warning|notice) file=[^,:]+,line=\\d+,col=\\d+,title=[a-z0-9-]+::[^\\n]+$");
        String out = run("github");
        assertTrue(out.lines().count() >= 2);
        out.lines().forEach(l -> assertTrue(command.matcher(l).matches(), l));
        assertEquals("a%0Ab%25c", GithubReport.data("a\nb%c"));
        assertEquals("x%2Cy%3Az", GithubReport.property("x,y:z"));
    }

    /** An annotation on a pull request shows a name's invisible or reordering characters escaped. */
    @Test
    void githubAnnotationsShowWhatCannotBeSeen() {
        repo.edit("environments/dev/state-machine.yaml",
                "name: state-machine", "name: \"state\\u200bmach\\u202eine\"");
        String line = run("github").lines().filter(l -> l.contains("spec-invalid")).findFirst().orElseThrow();
        assertTrue(line.contains("'state\\u200bmach\\u202eine'"), line);
        assertTrue(line.chars().noneMatch(c -> c == 0x200b || c == 0x202e), line);
    }

    @Test
    void markdownSummaryListsFindings() {
        String md = run("markdown");
        assertTrue(md.startsWith("## flinkops found 2 errors"), md);
        assertTrue(md.contains("| error | `environments/dev/state-machine.yaml:14:5` | [operator-parallelism-not-positive](docs/rules/operator-parallelism-not-positive.md) |"), md);
    }

    @Test
    void aFileNameCannotBreakTheMarkdownTable() {
        repo.file("environments/dev/a|b`c\nd.yaml".replace("\\n", "\n"), "apiVersion: v1\nkind: Foo\n");
        String md = run("markdown");
        String row = md.lines().filter(l -> l.contains("unknown-kind")).findFirst().orElseThrow();
        assertTrue(row.contains("| `environments/dev/a\\|b'c\\nd.yaml:2:1` |"), row);
        assertEquals(5, row.chars().filter(c -> c == '|').count() - 1, row); // four cells, one escaped pipe
    }

    /**
     * A value a pull request wrote comes out of the summary inert: no image, link or HTML, no @mention
     * of a team, no ended cell; a backtick in it lengthens the code span's fence instead of closing it.
     */
    @Test
    void whatAPullRequestWroteCannotMentionLinkOrBreakTheSummary() {
        repo.file("environments/dev/raw.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: raw
                  namespace: analytics
                spec:
                  image: "![x](https://evil.example/p.png) @acme/admins <b>x</b> | `a``b"
                """);
        String md = run("markdown");
        String row = md.lines().filter(l -> l.contains("[image-tag-unpinned]")).findFirst().orElseThrow();
        String cell = row.substring(row.indexOf(".md) | ") + ".md) | ".length(), row.length() - 2);
        assertTrue(cell.startsWith("```FlinkDeployment/analytics/raw: image ![x](https://evil.example/p.png) @acme/admins <b>x</b> \\| `a``b")
                && cell.endsWith("```"), cell);
        assertEquals(5, row.replace("\\|", "").chars().filter(c -> c == '|').count(), row); // four cells
        assertEquals("`` `a` ``", MarkdownReport.cell("`a`"));
    }

    /** The HTML page parses as XML, names each finding with its location, and escapes what the user wrote. */
    @Test
    void htmlReportIsWellFormedAndEscaped() throws Exception {
        repo.file("environments/dev/raw.yaml", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: raw
                  namespace: analytics
                  labels: {x: "<script>alert(1)</script>"}
                spec: {}
                """);
        String html = run("html");
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(!html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        int rows = doc.getElementsByTagName("tr").getLength() - 1;
        int findings = new ObjectMapper().readTree(run("json")).path("diagnostics").size();
        assertEquals(findings, rows);
        assertTrue(html.contains("<td><code>environments/dev/state-machine.yaml:14:5</code></td>"), html);
        String textSummary = run("text").lines().reduce((a, b) -> b).orElseThrow();
        assertTrue(html.contains("<p id=\"summary\">" + textSummary + "</p>"), textSummary + "\n" + html);
    }
}
