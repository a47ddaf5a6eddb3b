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
 * objects with Jackson, no checks. The output trees are loaded before the clock starts (they are what
 * a compiler would have produced); the time of that preload is printed so it can be subtracted.
 * Usage: java -cp flinkops.jar:. Floor REPO BUILT_OUTPUT NEW_OUTPUT
 */
public class Floor {
    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).build());
        List<Path> outputs = files(Path.of(args[1]));
        List<List<JsonNode>> trees = new ArrayList<>(); // each output file holds one or more documents
        List<String> names = new ArrayList<>();
        int objects = 0;
        for (Path p : outputs) {
            List<JsonNode> documents = yaml.readerFor(JsonNode.class).<JsonNode>readValues(p.toFile()).readAll();
            trees.add(documents);
            objects += documents.size();
            names.add(Path.of(args[1]).relativize(p).toString());
        }
        long preload = System.nanoTime() - t0;
        long inputs = 0;
        for (Path p : files(Path.of(args[0]).resolve("environments"))) {
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
        System.out.printf("preload_ms=%d inputs=%d files=%d objects=%d%n", preload / 1_000_000, inputs, trees.size(), objects);
    }

    static List<Path> files(Path root) throws Exception {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
    }
}
