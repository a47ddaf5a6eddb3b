import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.kubernetes.operator.api.FlinkDeployment;
import org.apache.flink.kubernetes.operator.api.FlinkSessionJob;
import org.apache.flink.kubernetes.operator.config.FlinkConfigManager;
import org.apache.flink.kubernetes.operator.validation.DefaultValidator;
import io.flinkops.compiler.pipeline.*;
import io.flinkops.compiler.diagnostic.*;
import io.flinkops.compiler.source.FileSystemTree;
import java.nio.file.*;
import java.util.*;

public class Conformance {
  static ObjectMapper strict = new ObjectMapper(new YAMLFactory()).configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);
  static DefaultValidator validator = new DefaultValidator(new FlinkConfigManager(new Configuration()));
  static final io.flinkops.compiler.pipeline.Compiler compiler = new io.flinkops.compiler.pipeline.Compiler();

  static String operator(String yaml) {
    try {
      List<JsonNode> docs = new ObjectMapper(new YAMLFactory()).readerFor(JsonNode.class).<JsonNode>readValues(yaml).readAll();
      docs.forEach(Conformance::pruneNulls); // what the API server does before admission: the operator never sees a null
      FlinkDeployment session = null;
      for (JsonNode d : docs) if (d.path("kind").asText().equals("FlinkDeployment")) { 
        FlinkDeployment fd = strict.treeToValue(d, FlinkDeployment.class);
        if (fd.getStatus()==null) fd.setStatus(new org.apache.flink.kubernetes.operator.api.status.FlinkDeploymentStatus());
        Optional<String> e = validator.validateDeployment(fd);
        if (e.isPresent()) return e.get();
        session = fd;
      }
      for (JsonNode d : docs) if (d.path("kind").asText().equals("FlinkSessionJob")) {
        FlinkSessionJob sj = strict.treeToValue(d, FlinkSessionJob.class);
        if (sj.getStatus()==null) sj.setStatus(new org.apache.flink.kubernetes.operator.api.status.FlinkSessionJobStatus());
        Optional<FlinkDeployment> s = Optional.ofNullable(session).filter(x -> x.getMetadata().getName().equals(sj.getSpec().getDeploymentName()));
        Optional<String> e = validator.validateSessionJob(sj, s);
        if (e.isPresent()) return e.get();
      }
      return null;
    } catch (Throwable t) { return "EXCEPTION " + t.getClass().getSimpleName() + ": " + String.valueOf(t.getMessage()).split("\n")[0]; }
  }

  /** The API server drops null values of non-nullable fields and map entries (none in the Flink CRDs is nullable). */
  static void pruneNulls(JsonNode n) {
    if (n instanceof ObjectNode o) {
      o.properties().removeIf(e -> e.getValue().isNull());
      o.forEach(Conformance::pruneNulls);
    } else if (n instanceof ArrayNode a) {
      a.forEach(Conformance::pruneNulls);
    }
  }

  static List<Diagnostic> flinkops(String yaml, String version) {
    Diagnostics d = new Diagnostics();
    try {
      var docs = compiler.yaml().parse("case.yaml", yaml);
      // every category, as a plain `flinkops validate` runs: outside an environment the policies only advise
      var req = CompileRequest.of(new FileSystemTree(Path.of("/tmp")), java.time.LocalDate.of(2026,1,1)).withOperatorVersion(version);
      return compiler.validateDocuments(docs, req, d).diagnostics().stream().filter(x -> x.severity()==Severity.ERROR).toList();
    } catch (InputException e) { return List.of(new Diagnostic("unreadable", Category.PARSE, Severity.ERROR, new SourceLocation("x",1,1), "", e.getMessage(), "")); }
  }

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    int agree=0, fn=0, fp=0, opRejects=0, opAccepts=0;
    List<Path> files; try (var s = Files.list(dir)) { files = s.sorted().toList(); }
    for (Path f : files) {
      String yaml = Files.readString(f);
      String op = operator(yaml);
      List<Diagnostic> mine = flinkops(yaml, "1.7.0");
      boolean opRej = op != null, myRej = !mine.isEmpty();
      if (opRej) opRejects++; else opAccepts++;
      if (opRej == myRej) agree++;
      else if (opRej) { fn++; System.out.println("MISSED " + f.getFileName() + ": operator says: " + op); }
      else { fp++; System.out.println("EXTRA  " + f.getFileName() + ": " + mine.get(0).rule() + " " + mine.get(0).message()); }
    }
    System.out.printf("cases %d, operator rejects %d, accepts %d; agree %d; missed rejections %d; extra rejections %d (%.1f%% of accepted)%n",
        files.size(), opRejects, opAccepts, agree, fn, fp, opAccepts==0?0:100.0*fp/opAccepts);
    if (args.length > 1) {
      // operator 1.10: only its API jar is published, so the reference is what its classes cannot read
      // (Deserialize.java); flinkops 1.10 must reject each of those too
      int unreadable = 0, missed = 0;
      for (String line : Files.readAllLines(Path.of(args[1]))) {
        String[] cols = line.split("\t", 2);
        if (cols.length < 2 || cols[1].isEmpty()) continue;
        unreadable++;
        if (flinkops(Files.readString(dir.resolve(cols[0])), "1.10.0").isEmpty()) {
          missed++;
          System.out.println("MISSED 1.10 " + cols[0] + ": operator 1.10's classes say: " + cols[1]);
        }
      }
      System.out.printf("operator 1.10 API classes cannot read %d of %d cases; flinkops 1.10 misses %d of them%n", unreadable, files.size(), missed);
    }
    System.exit(0);
  }
}
