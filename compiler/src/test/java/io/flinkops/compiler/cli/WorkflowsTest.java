package io.flinkops.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.flinkops.compiler.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The workflows are valid YAML and run only commands the README shows a person. */
class WorkflowsTest {
    @Test
    void workflowsUseTheReadmeCommands() throws Exception {
        Path root = Fixtures.repoRoot();
        String readme = Files.readString(root.resolve("README.md"));
        List<Path> files;
        try (Stream<Path> s = Files.list(root.resolve(".github/workflows"))) {
            files = s.sorted().toList();
        }
        assertFalse(files.isEmpty());
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        for (Path f : files) {
            JsonNode wf = yaml.readTree(f.toFile());
            assertTrue(wf.path("jobs").size() > 0, f + " has no jobs");
            List<String> commands = new ArrayList<>();
            wf.path("jobs").forEach(job -> job.path("steps").forEach(step -> {
                if (step.has("run")) {
                    for (String line : step.path("run").asText().split("\n")) {
                        String cmd = line.trim();
                        if (cmd.startsWith("./flinkops") || cmd.startsWith("mvn") || cmd.startsWith("for root")) {
                            commands.add(cmd.split(" ")[0] + " " + (cmd.split(" ").length > 1 ? cmd.split(" ")[1] : ""));
                        }
                    }
                }
            }));
            assertFalse(commands.isEmpty(), f + " runs no flinkops or mvn command");
            for (String c : commands) {
                assertTrue(readme.contains(c.trim()), f.getFileName() + " runs '" + c + "', which the README does not show");
            }
        }
    }
}
