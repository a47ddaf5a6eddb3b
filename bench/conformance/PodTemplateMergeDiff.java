package io.flinkops.compiler.check.policy;
import com.fasterxml.jackson.databind.*;
import com.fasterxml.jackson.databind.node.*;
import io.fabric8.kubernetes.api.model.Pod;
import org.apache.flink.kubernetes.operator.utils.FlinkUtils;
import java.util.*;
/** Differential check: flinkops' PodTemplateMerge against operator 1.7.0's FlinkUtils.mergePodTemplates, on random template pairs. */
public class PodTemplateMergeDiff {
  static final ObjectMapper M = new ObjectMapper();
  static Random rnd;
  static String[] NAMES = {"flink-main-container", "sidecar", "fluentbit", null};
  static String[] VOL = {"flink-logs", "cache", "cfg", null};
  static ArrayNode list(int max, java.util.function.Supplier<JsonNode> f) { ArrayNode a = M.createArrayNode(); int n = rnd.nextInt(max + 1); for (int i = 0; i < n; i++) a.add(f.get()); return a; }
  static ObjectNode env() { ObjectNode e = M.createObjectNode(); String[] n = {"A","B","ENABLE_BUILT_IN_PLUGINS",null}; String x = n[rnd.nextInt(4)]; if (x != null) e.put("name", x); e.put("value", "v" + rnd.nextInt(3)); return e; }
  static ObjectNode mount() { ObjectNode m = M.createObjectNode(); String v = VOL[rnd.nextInt(4)]; if (v != null) m.put("name", v); if (rnd.nextBoolean()) m.put("mountPath", "/p" + rnd.nextInt(3)); return m; }
  static ObjectNode container() { ObjectNode c = M.createObjectNode(); String n = NAMES[rnd.nextInt(4)]; if (n != null) c.put("name", n); if (rnd.nextBoolean()) c.put("image", "img" + rnd.nextInt(2)); if (rnd.nextBoolean()) c.set("env", list(3, PodTemplateMergeDiff::env)); if (rnd.nextBoolean()) c.set("volumeMounts", list(2, PodTemplateMergeDiff::mount)); if (rnd.nextInt(3) == 0) c.set("args", list(3, () -> new TextNode("a" + rnd.nextInt(3)))); if (rnd.nextInt(3) == 0) { ObjectNode p = M.createObjectNode(); if (rnd.nextBoolean()) p.put("name", "p" + rnd.nextInt(2)); p.put("containerPort", 8000 + rnd.nextInt(3)); c.set("ports", M.createArrayNode().add(p)); } if (rnd.nextInt(4) == 0) c.set("resources", M.createObjectNode().set("limits", M.createObjectNode().put("memory", rnd.nextInt(3) + "Gi"))); return c; }
  static ObjectNode volume() { ObjectNode v = M.createObjectNode(); String n = VOL[rnd.nextInt(4)]; if (n != null) v.put("name", n); if (rnd.nextBoolean()) v.set("emptyDir", M.createObjectNode()); else v.set("configMap", M.createObjectNode().put("name", "c" + rnd.nextInt(2))); return v; }
  static ObjectNode template() { ObjectNode spec = M.createObjectNode(); if (rnd.nextBoolean()) spec.set("containers", list(3, PodTemplateMergeDiff::container)); if (rnd.nextBoolean()) spec.set("initContainers", list(2, PodTemplateMergeDiff::container)); if (rnd.nextBoolean()) spec.set("volumes", list(3, PodTemplateMergeDiff::volume)); if (rnd.nextInt(4) == 0) spec.put("serviceAccountName", "sa" + rnd.nextInt(2)); if (rnd.nextInt(4) == 0) spec.set("nodeSelector", M.createObjectNode().put("k" + rnd.nextInt(2), "v")); if (rnd.nextInt(4) == 0) spec.set("tolerations", list(2, () -> M.createObjectNode().put("key", "t" + rnd.nextInt(2)).put("operator", "Exists"))); return M.createObjectNode().set("spec", spec); }
  public static void main(String[] a) throws Exception {
    int bad = 0, n = Integer.parseInt(a[0]);
    for (int i = 0; i < n; i++) {
      rnd = new Random(i);
      ObjectNode s = template(), c = template();
      boolean byName = rnd.nextBoolean();
      Pod op = FlinkUtils.mergePodTemplates(M.treeToValue(s, Pod.class), M.treeToValue(c, Pod.class), byName);
      JsonNode theirs = M.valueToTree(op);
      JsonNode mine = M.valueToTree(M.treeToValue(PodTemplateMerge.merge(s, c, byName), Pod.class));
      if (!theirs.equals(mine)) { bad++; if (bad <= 3) System.out.println("case " + i + " byName=" + byName + "\n shared " + s + "\n comp " + c + "\n op   " + theirs + "\n mine " + mine); }
    }
    System.out.println("pod template merges: " + n + " random pairs, " + bad + " differ from the operator's");
    System.exit(0);
  }
}
