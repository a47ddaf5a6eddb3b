package io.flinkops.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.diagnostic.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file name is read as UTF-8 text; one whose bytes are not is refused at the file, not reported as vanished. */
class FileNameTest {
    @TempDir
    Path dir;

    @Test
    void aNameThatIsNotUtf8IsRefusedWhereItIs() throws Exception {
        Path dev = Files.createDirectories(dir.resolve("environments/dev"));
        Files.writeString(dev.resolve("job.yaml"), "a: 1\n");
        assertEquals(List.of("environments/dev/job.yaml"), new FileSystemTree(dir).list("environments"));
        // Java cannot make a name that is not UTF-8; a shell can (byte 0xFF). A file flinkops does not read is no matter.
        shell(dev, "printf 'x' > \"$(printf 'diagram\\377.png')\"");
        assertEquals(List.of("environments/dev/job.yaml"), new FileSystemTree(dir).list("environments"));
        shell(dev, "printf 'a: 1\\n' > \"$(printf 'bad\\377.yaml')\"");
        InputException e = assertThrows(InputException.class, () -> new FileSystemTree(dir).list("environments"));
        assertTrue(e.oneLine().startsWith("environments/dev/bad"), e.oneLine());
        assertTrue(e.oneLine().contains(".yaml:1:1: file name is not UTF-8 text (as Git and kubectl expect)"), e.oneLine());
    }

    /** A path longer than the system can name (PATH_MAX, 4,096 bytes on Linux) is refused where it is, in one line. */
    @Test
    void aPathTooLongToOpenIsRefusedWhereItIs() throws Exception {
        Path dev = Files.createDirectories(dir.resolve("environments/dev"));
        Files.writeString(dev.resolve("job.yaml"), "a: 1\n");
        // no path given to the system may pass PATH_MAX, so the deep tree is made of two halves, the second moved under the first
        Path half = Path.of("deeper-folder-x/".repeat(150));
        Path lower = Files.createDirectories(dir.resolve("lower").resolve(half));
        Files.writeString(lower.resolve("job.yaml"), "a: 1\n");
        Path upper = Files.createDirectories(dev.resolve(half));
        Files.move(dir.resolve("lower/deeper-folder-x"), upper.resolve("deeper-folder-x"));
        InputException e = assertThrows(InputException.class, () -> new FileSystemTree(dir).list("environments"));
        assertTrue(e.oneLine().startsWith("environments/dev/deeper-folder-x/deeper-folder-x/"), e.oneLine());
        assertTrue(e.oneLine().endsWith(":1:1: cannot be read: File name too long"), e.oneLine());
        shell(dev, "rm -rf deeper-folder-x");
    }

    private static void shell(Path dir, String command) throws Exception {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).directory(dir.toFile()).start();
        assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
    }
}
