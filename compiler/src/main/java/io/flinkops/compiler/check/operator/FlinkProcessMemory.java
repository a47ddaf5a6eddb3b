package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.FlinkValues;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Flink's own sizing of a TaskManager or JobManager process from its configuration (Flink 1.17's
 * TaskExecutorProcessUtils and JobManagerProcessUtils), which the operator's admission runs when
 * {@code spec.taskManager/jobManager.resource.memory} is not set: it refuses the resource whenever that sizing
 * throws. Here the same derivation, step for step, gives the reason it fails, or nothing. Checked against
 * Flink's own classes on random configurations by {@code bench/conformance/ProcessMemoryDiff.java}.
 */
public final class FlinkProcessMemory {
    private static final long MB = 1L << 20;

    /** Why Flink cannot size a process, and the configuration key at fault when one is (else null). */
    public record Problem(String reason, String key) {}

    /** The reason Flink cannot size the process: control flow out of the derivation, as Flink's exceptions are. */
    private static final class Refused extends RuntimeException {
        final String key;

        Refused(String reason) {
            this(reason, null);
        }

        Refused(String reason, String key) {
            super(reason, null, false, false);
            this.key = key;
        }
    }

    private record Range(long min, long max, double fraction) {}

    private final FlinkConf conf;

    private FlinkProcessMemory(FlinkConf conf) {
        this.conf = conf;
    }

    /**
     * Why Flink cannot size a TaskManager from {@code conf}, or empty when it can or when the configuration
     * uses what is not modelled (external resources, the legacy network buffers option).
     */
    public static Optional<Problem> taskManagerProblem(FlinkConf conf) {
        if (conf.asMap().keySet().stream().anyMatch(k -> k.startsWith("external-resource")) || conf.contains("taskmanager.network.numberOfBuffers")) {
            return Optional.empty();
        }
        return attempt(() -> new FlinkProcessMemory(conf).taskManager());
    }

    /** Why Flink cannot size a JobManager from {@code conf}, or empty when it can. */
    public static Optional<Problem> jobManagerProblem(FlinkConf conf) {
        return attempt(() -> new FlinkProcessMemory(conf).jobManager());
    }

    private static Optional<Problem> attempt(Runnable sizing) {
        try {
            sizing.run();
            return Optional.empty();
        } catch (Refused e) {
            return Optional.of(new Problem(e.getMessage(), e.key));
        } catch (ArithmeticException e) {
            return Optional.of(new Problem("the memory sizes overflow", null));
        }
    }

    // ---- the TaskManager

    private static final String TM = "taskmanager.memory.";

    private void taskManager() {
        String slots = conf.get("taskmanager.numberOfTaskSlots").orElse("1");
        int numSlots = integer("taskmanager.numberOfTaskSlots", slots);
        double cores = conf.contains("taskmanager.cpu.cores") ? decimal("taskmanager.cpu.cores") : numSlots;
        long flink;
        if (contains(TM + "task.heap.size") && contains(TM + "managed.size", "taskmanager.memory.size")) {
            flink = tmFromFineGrained();
            metaspaceAndOverheadFromFlink(TM, flink);
        } else if (contains(TM + "flink.size")) {
            flink = size(TM + "flink.size", null);
            tmFromTotalFlink(flink);
            metaspaceAndOverheadFromFlink(TM, flink);
        } else if (contains(TM + "process.size")) {
            long process = size(TM + "process.size", null);
            long jvm = metaspaceAndOverheadFromProcess(TM, process);
            tmFromTotalFlink(process - jvm);
        } else {
            throw new Refused("none of " + TM + "process.size, " + TM + "flink.size, or " + TM + "task.heap.size with "
                    + TM + "managed.size is set");
        }
        if (cores <= 0) {
            throw new Refused("taskmanager.cpu.cores (or taskmanager.numberOfTaskSlots) is not positive",
                    conf.contains("taskmanager.cpu.cores") ? "taskmanager.cpu.cores" : "taskmanager.numberOfTaskSlots");
        }
    }

    private long tmFromFineGrained() {
        long taskHeap = size(TM + "task.heap.size", null);
        long managed = size(TM + "managed.size", null, "taskmanager.memory.size");
        long excludeNetwork = add(add(add(add(size(TM + "framework.heap.size", 128 * MB), size(TM + "framework.off-heap.size", 128 * MB)),
                taskHeap), size(TM + "task.off-heap.size", 0L)), managed);
        if (!contains(TM + "flink.size")) {
            return add(excludeNetwork, inverseFraction(excludeNetwork, networkRange()));
        }
        long total = size(TM + "flink.size", null);
        if (excludeNetwork > total) {
            throw new Refused("the framework, task and managed memory sizes exceed " + TM + "flink.size (" + total / MB + " MB)");
        }
        checkNetwork(total - excludeNetwork);
        return total;
    }

    /** The network memory a total Flink memory leaves over must be within the network's minimum and maximum. */
    private void checkNetwork(long network) {
        Range range = networkRange();
        if (network > range.max() || network < range.min()) {
            throw new Refused("the network memory left over (" + network / MB + " MB) is outside " + TM + "network.min and .max");
        }
    }

    private void tmFromTotalFlink(long totalFlink) {
        long frameworkHeap = size(TM + "framework.heap.size", 128 * MB);
        long frameworkOffHeap = size(TM + "framework.off-heap.size", 128 * MB);
        long taskOffHeap = size(TM + "task.off-heap.size", 0L);
        if (contains(TM + "task.heap.size")) {
            long taskHeap = size(TM + "task.heap.size", null);
            long managed = managed(totalFlink);
            long excludeNetwork = add(add(add(add(frameworkHeap, frameworkOffHeap), taskHeap), taskOffHeap), managed);
            if (excludeNetwork > totalFlink) {
                throw new Refused("the framework, task and managed memory sizes exceed the total Flink memory");
            }
            checkNetwork(totalFlink - excludeNetwork);
        } else {
            long managed = managed(totalFlink);
            long network = fraction(totalFlink, networkRange());
            long excludeTaskHeap = add(add(add(add(frameworkHeap, frameworkOffHeap), taskOffHeap), managed), network);
            if (excludeTaskHeap > totalFlink) {
                throw new Refused("the framework, managed and network memory sizes exceed the total Flink memory ("
                        + totalFlink / MB + " MB)");
            }
        }
    }

    private long managed(long totalFlink) {
        if (contains(TM + "managed.size", "taskmanager.memory.size")) {
            return size(TM + "managed.size", null, "taskmanager.memory.size");
        }
        return fraction(totalFlink, range(0, Long.MAX_VALUE, TM + "managed.fraction", 0.4f, "taskmanager.memory.fraction"));
    }

    private Range networkRange() {
        return range(size(TM + "network.min", 64 * MB, "taskmanager.network.memory.min"),
                size(TM + "network.max", Long.MAX_VALUE, "taskmanager.network.memory.max"),
                TM + "network.fraction", 0.1f, "taskmanager.network.memory.fraction");
    }

    // ---- the JobManager

    private static final String JM = "jobmanager.memory.";

    private void jobManager() {
        boolean heapSet = contains(JM + "heap.size") || contains("jobmanager.heap.size") || contains("jobmanager.heap.mb");
        long flink;
        if (heapSet) {
            long heap = contains(JM + "heap.size") ? size(JM + "heap.size", null)
                    : contains("jobmanager.heap.size") ? size("jobmanager.heap.size", null)
                    : legacyHeapMb();
            long offHeap = size(JM + "off-heap.size", 128 * MB);
            if (contains(JM + "flink.size")) {
                long total = size(JM + "flink.size", null);
                if (contains(JM + "off-heap.size")) {
                    if (add(heap, offHeap) != total) {
                        throw new Refused(JM + "flink.size is not the sum of " + JM + "heap.size and " + JM + "off-heap.size");
                    }
                } else if (total < heap) {
                    throw new Refused(JM + "heap.size exceeds " + JM + "flink.size");
                } else {
                    offHeap = total - heap;
                }
            }
            flink = add(heap, offHeap);
            metaspaceAndOverheadFromFlink(JM, flink);
        } else if (contains(JM + "flink.size")) {
            flink = size(JM + "flink.size", null);
            jmFromTotalFlink(flink);
            metaspaceAndOverheadFromFlink(JM, flink);
        } else if (contains(JM + "process.size")) {
            long process = size(JM + "process.size", null);
            long jvm = metaspaceAndOverheadFromProcess(JM, process);
            jmFromTotalFlink(process - jvm);
        } else {
            throw new Refused("none of " + JM + "process.size, " + JM + "flink.size or " + JM + "heap.size is set");
        }
    }

    private long legacyHeapMb() {
        int mb = integer("jobmanager.heap.mb", conf.get("jobmanager.heap.mb").orElseThrow());
        if (mb < 0) {
            throw new Refused("jobmanager.heap.mb " + mb + " is negative", "jobmanager.heap.mb");
        }
        return multiplyExact(mb, MB);
    }

    private void jmFromTotalFlink(long totalFlink) {
        long offHeap = size(JM + "off-heap.size", 128 * MB);
        if (totalFlink <= offHeap) {
            throw new Refused("the total Flink memory (" + totalFlink / MB + " MB) is not above " + JM + "off-heap.size ("
                    + offHeap / MB + " MB)");
        }
    }

    // ---- what both share: JVM metaspace and overhead

    private long metaspaceAndOverheadFromProcess(String prefix, long process) {
        long metaspace = size(prefix + "jvm-metaspace.size", 256 * MB);
        long overhead = fraction(process, overheadRange(prefix));
        long jvm = add(metaspace, overhead);
        if (jvm > process) {
            throw new Refused("JVM metaspace and overhead (" + jvm / MB + " MB) exceed " + prefix + "process.size (" + process / MB + " MB)");
        }
        return jvm;
    }

    private void metaspaceAndOverheadFromFlink(String prefix, long flink) {
        long metaspace = size(prefix + "jvm-metaspace.size", 256 * MB);
        long flinkAndMetaspace = add(flink, metaspace);
        if (contains(prefix + "process.size")) {
            long process = size(prefix + "process.size", null);
            if (process < flinkAndMetaspace) {
                throw new Refused(prefix + "process.size (" + process / MB + " MB) is below the Flink memory and JVM metaspace ("
                        + flinkAndMetaspace / MB + " MB)");
            }
            long overhead = process - flinkAndMetaspace;
            Range range = overheadRange(prefix);
            if (overhead > range.max() || overhead < range.min()) {
                throw new Refused("the JVM overhead left over (" + overhead / MB + " MB) is outside " + prefix + "jvm-overhead.min and .max");
            }
        } else {
            inverseFraction(flinkAndMetaspace, overheadRange(prefix));
        }
    }

    private Range overheadRange(String prefix) {
        return range(size(prefix + "jvm-overhead.min", 192 * MB), size(prefix + "jvm-overhead.max", 1L << 30),
                prefix + "jvm-overhead.fraction", 0.1f);
    }

    // ---- reading options as Flink's Configuration reads them

    private boolean contains(String... keys) {
        for (String key : keys) {
            if (conf.contains(key)) {
                return true;
            }
        }
        return false;
    }

    /** A memory option: its value (or that of its deprecated keys), else {@code fallback}; null means none. */
    private long size(String key, Long fallback, String... deprecated) {
        String found = key;
        Optional<String> value = conf.get(key);
        for (int i = 0; value.isEmpty() && i < deprecated.length; i++) {
            found = deprecated[i];
            value = conf.get(deprecated[i]);
        }
        if (value.isEmpty()) {
            if (fallback == null) {
                throw new Refused(key + " is not set");
            }
            return fallback;
        }
        String text = value.get();
        String name = found;
        return FlinkValues.flinkMemory(text).orElseThrow(() -> new Refused(name + " '" + text + "' is not a memory size", name));
    }

    private Range range(long min, long max, String key, float fallback, String... deprecated) {
        float fraction = fallback;
        for (String k : concat(key, deprecated)) {
            Optional<String> value = conf.get(k);
            if (value.isPresent()) {
                try {
                    fraction = Float.parseFloat(value.get());
                } catch (NumberFormatException e) {
                    throw new Refused(k + " '" + value.get() + "' is not a number", k);
                }
                break;
            }
        }
        if (min > max) {
            throw new Refused("the minimum of " + key.replace(".fraction", "") + " is above its maximum");
        }
        if (!(fraction >= 0 && fraction < 1)) {
            throw new Refused(key + " " + fraction + " is not at least 0 and below 1", key);
        }
        return new Range(min, max, fraction);
    }

    private static String[] concat(String key, String[] more) {
        String[] out = new String[more.length + 1];
        out[0] = key;
        System.arraycopy(more, 0, out, 1, more.length);
        return out;
    }

    private int integer(String key, String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new Refused(key + " '" + text + "' is not a whole number", key);
        }
    }

    private double decimal(String key) {
        String text = conf.get(key).orElseThrow();
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Refused(key + " '" + text + "' is not a number", key);
        }
    }

    // ---- MemorySize's arithmetic

    private static long add(long a, long b) {
        return Math.addExact(a, b);
    }

    private static long multiplyExact(long a, long b) {
        return Math.multiplyExact(a, b);
    }

    private static long multiply(long bytes, double multiplier) {
        BigDecimal product = BigDecimal.valueOf(bytes).multiply(BigDecimal.valueOf(multiplier));
        if (product.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            throw new ArithmeticException("overflow");
        }
        return product.longValue();
    }

    private static long fraction(long base, Range range) {
        return cap(multiply(base, range.fraction()), range);
    }

    private static long inverseFraction(long base, Range range) {
        return cap(multiply(base, range.fraction() / (1 - range.fraction())), range);
    }

    private static long cap(long size, Range range) {
        return size > range.max() ? range.max() : Math.max(size, range.min());
    }
}
