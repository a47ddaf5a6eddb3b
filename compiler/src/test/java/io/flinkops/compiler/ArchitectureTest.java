package io.flinkops.compiler;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each library stays in the package that owns it, and no stage reaches back into the CLI: JGit in
 * source.git, networknt in schema, FreeMarker in report, picocli in cli.
 */
class ArchitectureTest {
    private static final Path MAIN = Fixtures.repoRoot().resolve("compiler/src/main/java/io/flinkops/compiler");
    private static final Map<String, String> OWNERS = Map.of(
            "import org.eclipse.jgit", "source/git",
            "import com.networknt", "schema",
            "import freemarker", "report",
            "import picocli", "cli",
            "import io.flinkops.compiler.cli", "cli");

    @Test
    void librariesStayInTheirPackage() throws IOException {
        List<Path> sources;
        try (Stream<Path> walk = Files.walk(MAIN)) {
            sources = walk.filter(p -> p.toString().endsWith(".java")).toList();
        }
        TreeSet<String> violations = new TreeSet<>();
        for (Path file : sources) {
            String pkg = MAIN.relativize(file.getParent()).toString().replace('\\', '/');
            String text = Files.readString(file);
            OWNERS.forEach((importPrefix, owner) -> {
                if (text.contains(importPrefix) && !pkg.equals(owner)) {
                    violations.add(MAIN.relativize(file) + " uses '" + importPrefix.substring(7) + "', which belongs to " + owner);
                }
            });
        }
        assertEquals(new TreeSet<String>(), violations);
    }
}
