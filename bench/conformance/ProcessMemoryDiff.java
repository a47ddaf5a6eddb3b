import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.operator.FlinkProcessMemory;
import java.util.*;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.runtime.clusterframework.TaskExecutorProcessUtils;
import org.apache.flink.runtime.jobmanager.JobManagerProcessUtils;

/**
 * flinkops' sizing of TaskManager and JobManager processes (FlinkProcessMemory) against Flink's own
 * (TaskExecutorProcessUtils, JobManagerProcessUtils; the operator's admission runs them when a
 * resource.memory is not set), on random configurations: how many verdicts (sized or refused) differ.
 */
public class ProcessMemoryDiff {
  static final String[] TM_KEYS = {"taskmanager.memory.process.size", "taskmanager.memory.flink.size", "taskmanager.memory.task.heap.size",
      "taskmanager.memory.managed.size", "taskmanager.memory.managed.fraction", "taskmanager.memory.network.min", "taskmanager.memory.network.max",
      "taskmanager.memory.network.fraction", "taskmanager.memory.framework.heap.size", "taskmanager.memory.framework.off-heap.size",
      "taskmanager.memory.task.off-heap.size", "taskmanager.memory.jvm-metaspace.size", "taskmanager.memory.jvm-overhead.min",
      "taskmanager.memory.jvm-overhead.max", "taskmanager.memory.jvm-overhead.fraction", "taskmanager.numberOfTaskSlots", "taskmanager.cpu.cores",
      "taskmanager.memory.size", "taskmanager.network.memory.fraction"};
  static final String[] JM_KEYS = {"jobmanager.memory.process.size", "jobmanager.memory.flink.size", "jobmanager.memory.heap.size",
      "jobmanager.memory.off-heap.size", "jobmanager.memory.jvm-metaspace.size", "jobmanager.memory.jvm-overhead.min",
      "jobmanager.memory.jvm-overhead.max", "jobmanager.memory.jvm-overhead.fraction", "jobmanager.heap.size", "jobmanager.heap.mb"};
  static final String[] SIZES = {"0", "1m", "64m", "100m", "128m", "192m", "256m", "512m", "600m", "1g", "1024m", "1536m", "2g", "2048m", "3g", "4g",
      "8g", "1 gb", "abc", "-1m", "2.5g", "1073741824", "16t"};
  static final String[] NUMBERS = {"0", "0.1", "0.4", "0.5", "0.9", "1", "1.5", "-0.1", "x", "2", "3", "4", "2.5", " 2", "0.25"};

  public static void main(String[] args) {
    int n = Integer.parseInt(args[0]);
    Random random = new Random(Long.parseLong(args[1]));
    int tmDiffer = 0, jmDiffer = 0, tmRefused = 0, jmRefused = 0;
    for (int i = 0; i < n; i++) {
      boolean tm = i % 2 == 0;
      String[] keys = tm ? TM_KEYS : JM_KEYS;
      Map<String, String> conf = new TreeMap<>();
      int count = 1 + random.nextInt(5);
      for (int k = 0; k < count; k++) {
        String key = keys[random.nextInt(keys.length)];
        boolean number = key.endsWith("fraction") || key.endsWith("Slots") || key.endsWith("cores") || key.endsWith(".mb");
        conf.put(key, number ? NUMBERS[random.nextInt(NUMBERS.length)] : SIZES[random.nextInt(SIZES.length)]);
      }
      String flink;
      try {
        Configuration c = Configuration.fromMap(conf);
        if (tm) TaskExecutorProcessUtils.processSpecFromConfig(c);
        else JobManagerProcessUtils.processSpecFromConfigWithNewOptionToInterpretLegacyHeap(c, JobManagerOptions.JVM_HEAP_MEMORY);
        flink = null;
      } catch (Exception e) {
        flink = e.getMessage();
      }
      Optional<FlinkProcessMemory.Problem> mine = tm ? FlinkProcessMemory.taskManagerProblem(FlinkConf.unlocated(conf)) : FlinkProcessMemory.jobManagerProblem(FlinkConf.unlocated(conf));
      if (flink != null) { if (tm) tmRefused++; else jmRefused++; }
      if ((flink != null) != mine.isPresent()) {
        if (tm) tmDiffer++; else jmDiffer++;
        if (tmDiffer + jmDiffer <= 15) System.out.println("DIFFER " + conf + "\n  flink: " + flink + "\n  flinkops: " + mine.orElse(null));
      }
    }
    System.out.printf("process memory: %d random configurations (%d refused by Flink's TaskManager sizing, %d by its JobManager sizing); %d TaskManager and %d JobManager verdicts differ%n",
        n, tmRefused, jmRefused, tmDiffer, jmDiffer);
    System.exit(0);
  }
}
