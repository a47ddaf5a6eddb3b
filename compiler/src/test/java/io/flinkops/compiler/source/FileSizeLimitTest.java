package io.flinkops.compiler.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flinkops.compiler.diagnostic.InputException;
import io.flinkops.compiler.source.git.GitTree;
import io.flinkops.compiler.testing.GitRepo;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No source tree reads a file past the size limit: the error comes from the size alone, at 1:1. */
class FileSizeLimitTest {
    private static final String EXPECTED = "environments/dev/huge.yaml:1:1: file is 3,221,225,472 bytes, over the limit of 4,194,304 bytes for one YAML file";

    @TempDir
    Path dir;

    @Test
    void theWorkingTreeRefusesAFileTooLargeForAnArray() throws Exception {
        Path huge = Files.createDirectories(dir.resolve("environments/dev")).resolve("huge.yaml");
        try (RandomAccessFile f = new RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(3L * 1024 * 1024 * 1024); // sparse: costs no disk
        }
        InputException e = assertThrows(InputException.class, () -> new FileSystemTree(dir).read("environments/dev/huge.yaml"));
        assertEquals(EXPECTED, e.oneLine());
    }

    @Test
    void aGitRevisionRefusesABlobOverTheLimit() throws Exception {
        try (GitRepo git = new GitRepo(dir.resolve("repo"))) {
            git.files().file("environments/dev/big.yaml", "# " + "x".repeat(5 * 1024 * 1024) + "\n");
            git.commit("a big file");
            try (GitTree tree = GitTree.open(dir.resolve("repo"), "HEAD")) {
                InputException e = assertThrows(InputException.class, () -> tree.read("environments/dev/big.yaml"));
                assertEquals("environments/dev/big.yaml:1:1: file is 5,242,883 bytes, over the limit of 4,194,304 bytes for one YAML file",
                        e.oneLine());
            }
        }
    }
}
