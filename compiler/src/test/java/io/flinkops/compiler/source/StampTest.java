package io.flinkops.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's stamp changes with every write, even one that puts back its size and modification time; links and fresh files have none. */
class StampTest {
    @TempDir
    Path dir;

    @Test
    void everyWriteChangesTheStamp() throws Exception {
        Path file = Files.writeString(dir.resolve("job.yaml"), "parallelism: 4\n");
        FileTime modified = FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() - 3_600_000);
        Files.setLastModifiedTime(file, modified);
        FileSystemTree tree = new FileSystemTree(dir, 0);
        Optional<String> before = tree.stamp("job.yaml");
        assertTrue(before.isPresent());
        assertEquals(before, tree.stamp("job.yaml"), "the same while nothing changes");
        Thread.sleep(50); // past the file system clock's tick, so that the change time moves
        Files.writeString(file, "parallelism: 8\n");
        Files.setLastModifiedTime(file, modified);
        assertNotEquals(before, tree.stamp("job.yaml"));
    }

    @Test
    void linksFoldersMissingAndJustChangedFilesHaveNone() throws Exception {
        Files.writeString(dir.resolve("real.yaml"), "a: 1\n");
        Files.createSymbolicLink(dir.resolve("alias.yaml"), Path.of("real.yaml"));
        Files.createDirectories(dir.resolve("folder"));
        FileSystemTree timeless = new FileSystemTree(dir, 0);
        assertEquals(Optional.empty(), timeless.stamp("alias.yaml"));
        assertEquals(Optional.empty(), timeless.stamp("folder"));
        assertEquals(Optional.empty(), timeless.stamp("missing.yaml"));
        assertTrue(timeless.stamp("real.yaml").isPresent());
        // written just now: a second write within the clock's tick would leave its times as they are
        assertEquals(Optional.empty(), new FileSystemTree(dir).stamp("real.yaml"));
    }
}
