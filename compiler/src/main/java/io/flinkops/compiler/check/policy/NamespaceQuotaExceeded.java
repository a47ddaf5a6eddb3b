package io.flinkops.compiler.check.policy;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.KubernetesQuantity;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.yaml.Pointers;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Rule(
        id = "namespace-quota-exceeded",
        category = Category.POLICY,
        severity = Severity.ERROR,
        summary = "The Flink clusters of a namespace fit in its ResourceQuota",
        rationale = "A namespace's ResourceQuota does not stop the API server from accepting a FlinkDeployment, only the "
                + "pods that would exceed it: the operator keeps retrying and the job never runs, or a TaskManager is missing "
                + "after a rescale (count/ quotas are the exception: the resource itself is refused). Counted per cluster: "
                + "JobManager replicas and TaskManagers (spec.taskManager.replicas, or parallelism over task slots), each "
                + "with its resource cpu and memory; limits use the cpu and memory limit factors; FlinkDeployments and "
                + "FlinkSessionJobs against their count/ quotas.",
        remediation = "Raise the quota in environment.yaml (namespaces[].quota), or make the jobs smaller or fewer.")
public final class NamespaceQuotaExceeded extends RuleCheck {
    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        if (!"ResourceQuota".equals(t.kind()) || !"v1".equals(t.object().apiVersion())) {
            return;
        }
        JsonNode hard = t.root().path("spec").path("hard");
        if (!hard.isObject()) {
            return;
        }
        List<EmittedObject> clusters = t.view().inNamespace("FlinkDeployment", t.object().namespace());
        Map<String, BigDecimal> used = new LinkedHashMap<>();
        for (EmittedObject cluster : clusters) {
            add(used, usage(new CheckTarget(cluster, t.view())));
        }
        int sessionJobs = t.view().inNamespace("FlinkSessionJob", t.object().namespace()).size();
        used.put("count/flinksessionjobs.flink.apache.org", BigDecimal.valueOf(sessionJobs));
        hard.properties().forEach(e -> {
            BigDecimal sum = used.get(e.getKey());
            Optional<BigDecimal> limit = KubernetesQuantity.parse(e.getValue().asText());
            if (sum != null && limit.isPresent() && sum.compareTo(limit.get()) > 0) {
                r.report(Pointers.child("/spec/hard", e.getKey()), "the " + clusters.size() + " Flink cluster(s)"
                        + (sessionJobs > 0 ? " and " + sessionJobs + " session job(s)" : "") + " of namespace "
                        + t.object().namespace() + " need " + e.getKey() + " " + shown(e.getKey(), sum) + ", over the quota of "
                        + e.getValue().asText() + (e.getKey().startsWith("count/")
                                ? ": the API server refuses the resources beyond it"
                                : ": pods beyond it are refused and their jobs do not run"));
            }
        });
    }

    /** What one cluster's pods take, by quota resource name. */
    private static Map<String, BigDecimal> usage(CheckTarget t) {
        JsonNode spec = t.spec();
        FlinkConf conf = t.conf();
        long jobManagers = spec.path("jobManager").path("replicas").asLong(1);
        long taskManagers = taskManagers(t);
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        out.put("pods", BigDecimal.valueOf(jobManagers + taskManagers));
        out.put("count/flinkdeployments.flink.apache.org", BigDecimal.ONE);
        pod(out, spec.path("jobManager").path("resource"), jobManagers, conf, "jobmanager");
        pod(out, spec.path("taskManager").path("resource"), taskManagers, conf, "taskmanager");
        return out;
    }

    private static void pod(Map<String, BigDecimal> out, JsonNode resource, long replicas, FlinkConf conf, String component) {
        BigDecimal n = BigDecimal.valueOf(replicas);
        BigDecimal cpu = resource.path("cpu").isNumber() ? resource.path("cpu").decimalValue() : BigDecimal.ONE; // Flink's default
        BigDecimal cpuLimit = factor(conf, "kubernetes." + component + ".cpu.limit-factor");
        add(out, Map.of("requests.cpu", cpu.multiply(n), "cpu", cpu.multiply(n), "limits.cpu", cpu.multiply(n).multiply(cpuLimit)));
        Optional<Long> memory = resource.path("memory").isTextual() ? FlinkValues.resourceMemory(resource.path("memory").asText()) : Optional.empty();
        if (memory.isPresent()) {
            BigDecimal bytes = BigDecimal.valueOf(memory.get()).multiply(n);
            BigDecimal memoryLimit = factor(conf, "kubernetes." + component + ".memory.limit-factor");
            add(out, Map.of("requests.memory", bytes, "memory", bytes, "limits.memory", bytes.multiply(memoryLimit)));
        }
    }

    /** TaskManagers of a cluster: its replicas, or for an application its parallelism over the task slots; a session cluster without replicas starts them on demand. */
    private static long taskManagers(CheckTarget t) {
        JsonNode replicas = t.spec().path("taskManager").path("replicas");
        if (replicas.isIntegralNumber()) {
            return Math.max(0, replicas.asLong());
        }
        if (!t.hasJob() || !t.job().path("parallelism").isIntegralNumber()) {
            return 0;
        }
        long parallelism = Math.max(1, t.job().path("parallelism").asLong());
        long slots = Math.max(1, FlinkResources.taskSlots(t).orElse(1L));
        return (parallelism + slots - 1) / slots;
    }

    private static BigDecimal factor(FlinkConf conf, String key) {
        return conf.get(key).flatMap(FlinkValues::number).filter(f -> f >= 1).map(BigDecimal::valueOf).orElse(BigDecimal.ONE);
    }

    private static void add(Map<String, BigDecimal> into, Map<String, BigDecimal> amounts) {
        amounts.forEach((k, v) -> into.merge(k, v, BigDecimal::add));
    }

    private static String shown(String resource, BigDecimal amount) {
        if (resource.endsWith("memory")) {
            return amount.divide(BigDecimal.valueOf(1L << 20), 0, java.math.RoundingMode.CEILING).toPlainString() + "Mi";
        }
        return amount.stripTrailingZeros().toPlainString();
    }
}
