package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the installed kubectl reads in a folder of {@code .yaml} files, with no cluster
 * ({@code kubectl label --local -f DIR x=y -o json}, its reader as apply uses it): the objects it
 * prints, and the files it refuses (a file may print its first objects and then be refused).
 */
record KubectlReading(List<JsonNode> objects, Set<String> refused, String errors) {
    private static final Pattern NAMED = Pattern.compile("(?:error parsing|unable to decode) \"?(?:\\S*/)?([^/\\s\"]+)\\.yaml");

    /** {@code folder} holds the cases; kubectl's errors go to a file in {@code scratch}, as many would fill a pipe and stop it. */
    static KubectlReading of(Path folder, Path scratch) throws Exception {
        Path errorFile = scratch.resolve("kubectl.err");
        Process p = new ProcessBuilder("kubectl", "label", "--local", "-f", folder.toString(), "x=y", "-o", "json")
                .redirectError(errorFile.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl label --local timed out");
        String errors = Files.readString(errorFile);
        List<JsonNode> objects = new ArrayList<>();
        try (MappingIterator<JsonNode> read = new ObjectMapper().readerFor(JsonNode.class).readValues(out)) {
            read.forEachRemaining(objects::add);
        }
        Set<String> refused = new HashSet<>();
        Matcher m = NAMED.matcher(errors);
        while (m.find()) {
            refused.add(m.group(1));
        }
        return new KubectlReading(objects, refused, errors);
    }
}
