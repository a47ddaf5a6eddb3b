package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.cache.ContextPacks;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.GeneratedUnit;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import io.flinkops.compiler.cache.ResultCache;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.testing.RuleTester;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A check of some spec files with the rest of their environment from its context pack finds exactly
 * what the same check finds with every file parsed, and a whole run finds in those files: whatever
 * the checked file now says (a new name, a duplicate, another namespace or cluster, a state path
 * another job uses, broken YAML), and never from a pack some other file no longer matches.
 */
class ContextPackTest {
    private static final String ENV = "environments/dev/";
    private static final List<String> NAMES = List.of("alpha", "beta", "gamma", "delta", "shared-session", "analytics-session");
    private static final List<String> NAMESPACES = List.of("analytics", "clickstream", "undeclared");
    private static final int NEIGHBOURS = 14;

    @TempDir
    Path dir;

    private final Compiler compiler = new Compiler();
    private TestRepo repo;
    private ResultCache cache;

    @BeforeEach
    void repository() {
        repo = new TestRepo(dir.resolve("repo")).withSamples();
        cache = new ResultCache(dir.resolve("repo/build/cache"));
    }

    private CompileResult check(String file, ResultCache withCache) {
        return check(Set.of(file), withCache, new FileSystemTree(repo.root()));
    }

    private CompileResult check(Set<String> files, ResultCache withCache, FileSystemTree tree) {
        CompileRequest request = CompileRequest.of(tree, RuleTester.TODAY).withEnvironment("dev");
        return compiler.compile(request, withCache, Compiler.Output.FINDINGS_ONLY, files);
    }

    private List<Diagnostic> wholeRunIn(Set<String> files) {
        CompileRequest request = CompileRequest.of(new FileSystemTree(repo.root()), RuleTester.TODAY).withEnvironment("dev");
        return compiler.compile(request, null, Compiler.Output.FINDINGS_ONLY).diagnostics().stream()
                .filter(d -> files.contains(d.location().file())).toList();
    }

    @Test
    void whateverTheCheckedFileSaysItsFindingsAreTheWholeRunsOnes() {
        Random random = new Random(20261201);
        for (int i = 0; i < NEIGHBOURS; i++) {
            repo.file(ENV + "job-" + i + ".yaml", randomSpec(random, i));
        }
        check(ENV + "job-0.yaml", cache); // packs the environment
        assertTrue(Files.isRegularFile(repo.root().resolve("build/cache/context/dev.pack")));
        int withFindings = 0;
        for (int round = 0; round < 40; round++) {
            // the environment evolves: each round rewrites one or two files and leaves them so, and the
            // next round's check finds them packed anew
            Set<String> files = new java.util.TreeSet<>();
            StringBuilder now = new StringBuilder();
            for (int k = random.nextInt(3); k > 0; k--) { // files changed since, not checked: taken as they are now
                String file = ENV + "job-" + random.nextInt(NEIGHBOURS) + ".yaml";
                String text = randomSpec(random, 100 + round * 2 + k);
                repo.file(file, text);
                now.append("(unchecked) ").append(file).append(":\n").append(text);
            }
            for (int k = random.nextInt(4) == 0 ? 2 : 1; k > 0; k--) {
                String file = ENV + "job-" + random.nextInt(NEIGHBOURS) + ".yaml";
                String text = random.nextInt(6) == 0 ? oddFile(random) : randomSpec(random, round * 2 + k);
                repo.file(file, text);
                files.add(file);
                now.append(file).append(":\n").append(text);
            }
            CompileResult fromPack = check(files, cache, new FileSystemTree(repo.root()));
            CompileResult fromFiles = check(files, null, new FileSystemTree(repo.root()));
            List<Diagnostic> packed = fromPack.diagnostics();
            assertEquals(fromFiles.diagnostics(), packed, "round " + round + ", " + now);
            assertEquals(objects(fromFiles), objects(fromPack), "round " + round + ": the same objects, in the same order");
            assertEquals(wholeRunIn(files), packed, "round " + round + ", " + now);
            withFindings += packed.isEmpty() ? 0 : 1;
        }
        assertTrue(withFindings > 10, "the rounds should exercise findings, had " + withFindings);
    }

    /** The checked job names its checkpoint folder itself, so that a finding on it is placed in its file. */
    private static final String OWN_CHECKPOINTS = "s3://acme-flink-state-dev/dev/analytics/state-machine/own";
    private static final String OTHER_CHECKPOINTS = "s3://acme-flink-state-dev/dev/clickstream/clickstream-sessionizer/checkpoints";

    private String jobWithItsOwnCheckpoints() {
        String job = ENV + "state-machine.yaml";
        repo.file(job, repo.read(job) + "  flinkConfiguration:\n    state.checkpoints.dir: " + OWN_CHECKPOINTS + "\n");
        return job;
    }

    /**
     * Rewrites the pack's record of the other job's Flink configuration (which checks read from the
     * header, not from the packed object) so that it names the checked job's checkpoint folder: a
     * finding shows the pack was taken.
     */
    private void collideInThePack() {
        editPack(files -> {
            Map<String, ContextPacks.PackedFile> out = new HashMap<>();
            files.forEach((path, f) -> out.put(path, new ContextPacks.PackedFile(f.stamp(), f.fingerprint(), f.keys(),
                    f.units().stream().map(ContextPackTest::colliding).toList())));
            assertTrue(files.values().stream().flatMap(f -> f.units().stream()).anyMatch(u -> colliding(u) != u),
                    "the other job's folder is in the pack");
            return out;
        });
    }

    private static GeneratedUnit colliding(GeneratedUnit u) {
        EmittedObject w = u.workload();
        if (w == null || !w.flinkConfiguration().toString().contains(OTHER_CHECKPOINTS)) {
            return u;
        }
        ObjectNode conf = ((ObjectNode) w.flinkConfiguration()).deepCopy();
        conf.properties().forEach(e -> {
            if (e.getValue().asText().equals(OTHER_CHECKPOINTS)) {
                e.setValue(conf.textNode(OWN_CHECKPOINTS));
            }
        });
        EmittedObject changed = EmittedObject.deferred(w.environment(), w.root(), w.identity(), conf, w::object, w.origin());
        return new GeneratedUnit(u.file(), u.source(), u.kind(), u.namespace(), u.name(), u.cluster(), u.nativeMode(), u.egress(), changed);
    }

    /** Rewrites the environment's pack with its files edited. */
    private void editPack(UnaryOperator<Map<String, ContextPacks.PackedFile>> edit) {
        ContextPacks packs = cache.contexts();
        ContextPacks.Pack pack = packs.read("dev", new FileSystemTree(repo.root())).orElseThrow();
        packs.write("dev", new ContextPacks.Pack(pack.key(), edit.apply(pack.files()), pack.environmentFile(), pack.folderStamp(),
                Map.of(), null, pack.packedObjects()));
        assertTrue(packs.read("dev", new FileSystemTree(repo.root())).isPresent(), "the edited pack reads");
    }

    /** The pack's bytes as text: its objects are JSON. */
    private String packText() throws Exception {
        return new String(Files.readAllBytes(repo.root().resolve("build/cache/context/dev.pack")), StandardCharsets.ISO_8859_1);
    }

    private static void assertSharedPath(List<Diagnostic> found) {
        assertEquals(1, found.size(), found.toString());
        assertEquals("state-path-shared", found.get(0).rule());
    }

    /**
     * The pack is used for the files it holds as they are, and a file changed since is generated anew:
     * a pack whose stored object is made to collide with the checked job shows through only while that
     * file is as packed.
     */
    @Test
    void aFileChangedSinceThePackIsGeneratedAnew() throws Exception {
        String job = jobWithItsOwnCheckpoints();
        String other = ENV + "clickstream-sessionizer.yaml";
        assertEquals(List.of(), check(job, cache).diagnostics());
        collideInThePack();
        assertSharedPath(check(job, cache).diagnostics());

        repo.file(other, repo.read(other).replace("parallelism: 4", "parallelism: 3"));
        assertEquals(List.of(), check(job, cache).diagnostics(), "the changed file is generated from what it says now");
        assertTrue(packText().contains(OTHER_CHECKPOINTS),
                "and the environment is packed anew");
    }

    /**
     * Through the CLI's own process, which reads the pack ahead while picocli starts (from the working
     * folder, or the repository named): the check takes the pack, and never without the cache.
     */
    @Test
    void theCommandLineTakesThePackInAProcessOfItsOwn() throws Exception {
        String job = jobWithItsOwnCheckpoints();
        assertEquals("", findingsOf(run("validate", job)));
        collideInThePack();
        assertTrue(findingsOf(run("validate", job)).contains("[state-path-shared]"));
        assertTrue(findingsOf(run("validate", "--repo", repo.root().toString(), repo.root().resolve(job).toString()))
                .contains("[state-path-shared]"), "with the repository named");
        assertEquals("", findingsOf(run("validate", "--no-cache", job)), "and never without the cache");
    }

    private String run(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.flinkops.compiler.cli.FlinkopsCli"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(repo.root().toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS), output);
        return output;
    }

    private static String findingsOf(String output) {
        return output.lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).reduce("", (a, b) -> a + b + "\n");
    }

    /** A check of a changed file packs it anew, so that a check of another file next still takes the pack. */
    @Test
    void aCheckedFileThatChangedIsPackedAnew() throws Exception {
        String job = jobWithItsOwnCheckpoints();
        String other = ENV + "clickstream-sessionizer.yaml";
        check(job, cache);
        repo.file(other, repo.read(other).replace("parallelism: 4", "parallelism: 3"));
        assertEquals(check(other, null).diagnostics(), check(other, cache).diagnostics());
        assertTrue(packText().contains("\"parallelism\":3"));
        collideInThePack();
        assertSharedPath(check(job, cache).diagnostics());
    }

    /** Without reading a file, its stamp tells a change apart even when the size and modification time are put back. */
    @Test
    void aChangeThatKeepsSizeAndModificationTimeIsStillSeen() throws Exception {
        String job = jobWithItsOwnCheckpoints();
        String other = ENV + "clickstream-sessionizer.yaml";
        Path otherFile = repo.root().resolve(other);
        FileTime modified = FileTime.fromMillis(Files.getLastModifiedTime(otherFile).toMillis() - 3_600_000);
        Files.setLastModifiedTime(otherFile, modified);
        FileSystemTree stamping = new FileSystemTree(repo.root(), 0); // no racy window: every file has a stamp
        assertEquals(List.of(), check(Set.of(job), cache, stamping).diagnostics());
        collideInThePack();
        editPack(files -> {
            Map<String, ContextPacks.PackedFile> out = new HashMap<>(files);
            ContextPacks.PackedFile f = files.get(other);
            out.put(other, new ContextPacks.PackedFile(f.stamp(), "wrong:" + f.fingerprint(), f.keys(), f.units()));
            return out;
        });
        assertSharedPath(check(Set.of(job), cache, stamping).diagnostics()); // taken on the stamps alone

        Thread.sleep(50); // past the file system clock's tick (4 ms here), so that the change time moves
        String text = repo.read(other);
        Files.writeString(otherFile, text.replace("parallelism: 4", "parallelism: 8")); // the same size
        Files.setLastModifiedTime(otherFile, modified);
        assertEquals(List.of(), check(Set.of(job), cache, stamping).diagnostics(), "its change time tells");
    }

    /** A checked file that takes the name of a later file's job leaves that job out, as a whole run does. */
    @Test
    void aLaterFileWhoseNameTheCheckedFileTakesIsLeftOut() {
        String first = ENV + "clickstream-sessionizer.yaml";
        check(first, cache);
        repo.file(first, repo.read(first).replace("name: clickstream-sessionizer\n  namespace: clickstream",
                "name: state-machine\n  namespace: analytics"));
        CompileResult fromPack = check(first, cache);
        CompileResult fromFiles = check(first, null);
        assertEquals(objects(fromFiles), objects(fromPack));
        assertEquals(1, fromPack.environments().get(0).objects().stream()
                .filter(o -> o.kind().equals("FlinkDeployment") && o.name().equals("state-machine")).count());
        assertEquals(fromFiles.diagnostics(), fromPack.diagnostics());
    }

    @Test
    void aDeletedOrAddedFileIsSeen() {
        String job = ENV + "state-machine.yaml";
        String session = ENV + "session-cluster.yaml";
        String sessionJob = ENV + "top-speed-windowing.yaml";
        check(job, cache);
        String cluster = repo.read(session);
        repo.delete(session);
        List<Diagnostic> missing = check(sessionJob, cache).diagnostics();
        assertEquals(check(sessionJob, null).diagnostics(), missing);
        assertTrue(missing.stream().anyMatch(d -> d.message().contains("analytics-session")), missing.toString());
        repo.file(ENV + "another-cluster.yaml", cluster);
        assertEquals(List.of(), check(sessionJob, cache).diagnostics());
    }

    /** What a check reads of the other files' objects (names, Flink configuration) is in the pack's header: no object of theirs is parsed. */
    @Test
    void theOtherFilesObjectsAreNotParsed() {
        String job = ENV + "state-machine.yaml";
        check(job, cache); // packs the environment
        CompileResult fromPack = check(job, cache);
        List<EmittedObject> others = fromPack.environments().get(0).objects().stream()
                .filter(o -> o.origin().file().startsWith(ENV) && !o.origin().file().equals(job)
                        && o.kind().startsWith("Flink")).toList();
        assertEquals(3, others.size(), others.toString());
        assertTrue(others.stream().noneMatch(EmittedObject::parsed), others.toString());
        assertEquals(objects(check(job, null)), objects(fromPack), "and parsed, they are the objects a run without the pack makes");
    }

    private static List<String> objects(CompileResult result) {
        return result.environments().stream().flatMap(e -> e.objects().stream())
                .map(o -> o.environment() + " " + o.root() + " " + o.object()).toList();
    }

    /** Specs over several namespaces, modes and session clusters, names and state paths drawn from small pools so they meet. */
    private static String randomSpec(Random random, int seed) {
        String name = NAMES.get(random.nextInt(NAMES.size()));
        if (random.nextBoolean()) {
            name = name + "-" + seed;
        }
        String namespace = NAMESPACES.get(random.nextInt(10) == 0 ? 2 : random.nextInt(2));
        String metadata = "metadata:\n  name: " + name + "\n" + (random.nextInt(15) == 0 ? "" : "  namespace: " + namespace + "\n");
        StringBuilder conf = new StringBuilder();
        if (random.nextInt(3) == 0) {
            conf.append("  flinkConfiguration:\n    state.checkpoints.dir: s3://acme-flink-state-dev/shared/")
                    .append(random.nextInt(3)).append("\n");
        }
        String egress = random.nextInt(3) == 0 ? "  egress:\n    - {name: kafka, cidr: 10." + random.nextInt(3) + ".0.0/16, ports: [9092]}\n" : "";
        return switch (random.nextInt(4)) {
            case 0 -> "apiVersion: flinkops.io/v1alpha1\nkind: FlinkSessionCluster\n" + metadata
                    + "spec:\n  owner: data-platform\n  image: flink:1.17.2\n  flinkVersion: v1_17\n  size: small\n"
                    + "  mode: " + (random.nextBoolean() ? "native" : "standalone") + "\n" + conf + egress;
            case 1 -> "apiVersion: flinkops.io/v1alpha1\nkind: FlinkSessionJob\n" + metadata
                    + "spec:\n  cluster: " + NAMES.get(4 + random.nextInt(2)) + "\n  owner: data-platform\n"
                    + "  job:\n    jarURI: https://repo.example.com/job.jar\n    parallelism: 2\n    upgradeMode: stateless\n" + egress;
            case 2 -> "apiVersion: flink.apache.org/v1beta1\nkind: FlinkDeployment\n" + metadata
                    + "spec:\n  image: flink:1.17.2\n  flinkVersion: v1_17\n  serviceAccount: flink\n"
                    + "  flinkConfiguration:\n    taskmanager.numberOfTaskSlots: \"2\"\n    state.checkpoints.dir: s3://acme-flink-state-dev/shared/"
                    + random.nextInt(3) + "\n  jobManager: {resource: {memory: 2048m, cpu: 1}}\n  taskManager: {resource: {memory: 2048m, cpu: 1}}\n"
                    + "  job: {jarURI: \"local:///job.jar\", parallelism: 2, upgradeMode: stateless}\n";
            default -> "apiVersion: flinkops.io/v1alpha1\nkind: FlinkJob\n" + metadata
                    + "spec:\n  owner: data-platform\n  image: flink:1.17.2\n  flinkVersion: v1_17\n  size: small\n"
                    + "  mode: " + (random.nextBoolean() ? "native" : "standalone") + "\n"
                    + "  job:\n    jarURI: local:///opt/flink/usrlib/job.jar\n    parallelism: " + (random.nextInt(8) == 0 ? 0 : 2)
                    + "\n    upgradeMode: " + (random.nextBoolean() ? "savepoint" : "stateless") + "\n" + conf + egress;
        };
    }

    /** Files a spec can turn into: empty, broken, two documents, a kind no one knows. */
    private static String oddFile(Random random) {
        List<String> odd = new ArrayList<>(List.of(
                "",
                "# only a comment\n",
                "apiVersion: flinkops.io/v1alpha1\nkind: FlinkJob\nmetadata: {name: [broken\n",
                "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: alpha, namespace: analytics}\n",
                randomSpec(random, 99) + "---\n" + randomSpec(random, 98)));
        return odd.get(random.nextInt(odd.size()));
    }
}
