import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The part of an operator's admission that its published API jar alone can run: reading each custom
 * resource into the operator's classes with the operator's Jackson (a number past an int, an enum
 * value it does not know, a list where it wants a string). Runs in a JVM of its own, with one
 * operator version's API jar and dependencies on the class path; prints "case<TAB>reason" for each
 * case it cannot read and "case<TAB>" for the others.
 */
public class Deserialize {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public static void main(String[] args) throws Exception {
        List<Path> files;
        try (var s = Files.list(Path.of(args[0]))) {
            files = s.sorted().toList();
        }
        for (Path f : files) {
            System.out.println(f.getFileName() + "\t" + verdict(Files.readString(f)));
        }
    }

    static String verdict(String yaml) {
        try {
            for (JsonNode doc : YAML.readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll()) {
                pruneNulls(doc); // the API server drops nulls before admission
                Class<?> type = switch (doc.path("kind").asText()) {
                    case "FlinkDeployment" -> org.apache.flink.kubernetes.operator.api.FlinkDeployment.class;
                    case "FlinkSessionJob" -> org.apache.flink.kubernetes.operator.api.FlinkSessionJob.class;
                    case "FlinkStateSnapshot" -> org.apache.flink.kubernetes.operator.api.FlinkStateSnapshot.class;
                    default -> null;
                };
                if (type != null) {
                    YAML.treeToValue(doc, type);
                }
            }
            return "";
        } catch (Throwable t) {
            return t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).split("\n")[0];
        }
    }

    static void pruneNulls(JsonNode n) {
        if (n instanceof ObjectNode o) {
            o.properties().removeIf(e -> e.getValue().isNull());
            o.forEach(Deserialize::pruneNulls);
        } else if (n instanceof ArrayNode a) {
            a.forEach(Deserialize::pruneNulls);
        }
    }
}
