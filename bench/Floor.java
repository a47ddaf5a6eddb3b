import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The floor of the speed benchmark: only read and parse the input files, and write the same output
 * objects with Jackson, no checks. The output trees are what a compiler would have produced, so they
 * are loaded before the clock starts, from JSON: a YAML preload would run (and warm up) the very YAML
 * parser the floor then times on the inputs, which no real run finds warm. The time of the preload is
 * printed so it can be subtracted.
 * Usage: java -cp flinkops.jar:. Floor REPO PRELOAD_DIR NEW_OUTPUT
 *        java -cp flinkops.jar:. Floor --to-json BUILT_OUTPUT PRELOAD_DIR   (once, untimed)
 */
public class Floor {
    public static void main(String[] args) throws Exception {
        if (args[0].equals("--to-json")) {
            toJson(Path.of(args[1]), Path.of(args[2]));
            return;
        }
        long t0 = System.nanoTime();
        ObjectMapper json = new ObjectMapper();
        Path preload = Path.of(args[1]);
        List<List<JsonNode>> trees = new ArrayList<>(); // each output file holds one or more documents
        List<String> names = new ArrayList<>();
        int objects = 0;
        for (Path p : files(preload, ".json")) {
            List<JsonNode> documents = json.readerFor(JsonNode.class).<JsonNode>readValues(p.toFile()).readAll();
            trees.add(documents);
            objects += documents.size();
            String name = preload.relativize(p).toString();
            names.add(name.substring(0, name.length() - ".json".length()));
        }
        long preloaded = System.nanoTime() - t0;
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        long inputs = 0;
        for (Path p : files(Path.of(args[0]).resolve("environments"), ".yaml")) {
            yaml.readTree(Files.readAllBytes(p));
            inputs++;
        }
        Path out = Path.of(args[2]);
        for (int i = 0; i < trees.size(); i++) {
            Path target = out.resolve(names.get(i));
            Files.createDirectories(target.getParent());
            StringBuilder stream = new StringBuilder();
            for (JsonNode document : trees.get(i)) {
                stream.append("---\n").append(yaml.writeValueAsString(document));
            }
            Files.writeString(target, stream);
        }
        System.out.printf("preload_ms=%d inputs=%d files=%d objects=%d%n", preloaded / 1_000_000, inputs, trees.size(), objects);
    }

    /** Every YAML file of a built output as JSON, one document a line, under the same name plus .json. */
    static void toJson(Path built, Path preload) throws Exception {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        ObjectMapper json = new ObjectMapper();
        for (Path p : files(built, ".yaml")) {
            StringBuilder lines = new StringBuilder();
            for (JsonNode document : yaml.readerFor(JsonNode.class).<JsonNode>readValues(p.toFile()).readAll()) {
                lines.append(json.writeValueAsString(document)).append('\n');
            }
            Path target = preload.resolve(built.relativize(p) + ".json");
            Files.createDirectories(target.getParent());
            Files.writeString(target, lines);
        }
    }

    static List<Path> files(Path root, String suffix) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }
}
