package io.flinkops.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Cli;
import io.flinkops.compiler.testing.TestRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A named pipe (FIFO) called like a spec, in the working tree, is refused by its path (exit 2): not
 * passed over in silence, as a spec its author meant would go unchecked, and not read, as that would
 * wait for a writer forever.
 */
class NotRegularFileTest {
    private static final String REFUSED = "environments/dev/job.yaml:1:1: not a regular file (a pipe, device or socket)";

    @TempDir
    Path dir;

    @Test
    void aPipeAmongTheSpecsStopsTheBuild() throws Exception {
        TestRepo repo = new TestRepo(dir).withSamples();
        mkfifo(dir.resolve("environments/dev/job.yaml"));
        assertRefused(Cli.run(dir, "build"));
        assertRefused(Cli.run(dir, "validate"));
        assertTrue(Files.notExists(dir.resolve("build/manifests")), "nothing written");
    }

    @Test
    void aLinkToAPipeStopsTheBuildToo() throws Exception {
        new TestRepo(dir).withSamples();
        mkfifo(dir.resolve("environments/pipe"));
        Files.createSymbolicLink(dir.resolve("environments/dev/job.yaml"), Path.of("../pipe"));
        assertRefused(Cli.run(dir, "build"));
    }

    @Test
    void aPipeInAFolderNamedOnTheCommandLineIsAFindingOnIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("loose"));
        Files.writeString(folder.resolve("a.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, namespace: x}\n");
        mkfifo(folder.resolve("b.yaml"));
        Cli.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> Cli.run(dir, "validate", "loose"));
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("loose/b.yaml:1:1: error: not a regular file (a pipe, device or socket) [unreadable-input]"), r.out());
    }

    @Test
    void aFolderNamedLikeYamlIsNoSpecAndNoError() throws Exception {
        new TestRepo(dir).withSamples();
        Files.createDirectories(dir.resolve("environments/dev/old.yaml"));
        Cli.Result r = Cli.run(dir, "validate");
        assertEquals(0, r.code(), r.out() + r.err());
    }

    private static void assertRefused(Cli.Result r) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains(REFUSED), r.err());
    }

    private static void mkfifo(Path path) throws Exception {
        Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + path);
    }
}
