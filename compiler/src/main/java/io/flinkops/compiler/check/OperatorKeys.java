package io.flinkops.compiler.check;

/**
 * Configuration keys the operator's admission checks read, with the deprecated keys Flink still
 * honours for each (the newer Flink inside operator 1.10 knows more of them).
 */
public final class OperatorKeys {
    public static final String[] CHECKPOINT_DIR_17 = {"state.checkpoints.dir", "state.backend.fs.checkpointdir"};
    public static final String[] CHECKPOINT_DIR_110 = {"execution.checkpointing.dir", "state.checkpoints.dir", "state.backend.fs.checkpointdir"};
    public static final String[] SAVEPOINT_DIR_17 = {"state.savepoints.dir", "savepoints.state.backend.fs.dir"};
    public static final String[] SAVEPOINT_DIR_110 = {"execution.checkpointing.savepoint-dir", "state.savepoints.dir", "savepoints.state.backend.fs.dir"};
    /** The high-availability mode, then the names earlier Flink versions read it under. */
    public static final String[] HA_MODE = {"high-availability.type", "recovery.mode", "high-availability"};
    /** Where high availability keeps the JobManager's metadata, then its earlier names. */
    public static final String[] HA_STORAGE = {"high-availability.storageDir", "high-availability.zookeeper.storageDir",
        "recovery.zookeeper.storageDir"};
    /** The operator merges pod template lists by item name when true, by position otherwise (its default). */
    public static final String MERGE_ARRAYS_BY_NAME = "kubernetes.operator.pod-template.merge-arrays-by-name";
    public static final String ROLLBACK = "kubernetes.operator.deployment.rollback.enabled";
    public static final String HEALTH_CHECK = "kubernetes.operator.cluster.health-check.enabled";
    public static final String[] JM_RECOVERY = {"kubernetes.operator.jm-deployment-recovery.enabled",
        "kubernetes.operator.reconciler.jm-deployment-recovery.enabled"};
    public static final String PERIODIC_SAVEPOINT = "kubernetes.operator.periodic.savepoint.interval";
    public static final String CHECKPOINT_MAX_AGE = "kubernetes.operator.job.upgrade.last-state.max.allowed.checkpoint.age";
    public static final String[] FORBIDDEN = {"kubernetes.namespace", "kubernetes.cluster-id", "high-availability.cluster-id"};
    public static final String[] AUTOSCALER_ENABLED = {"job.autoscaler.enabled", "kubernetes.operator.job.autoscaler.enabled"};

    private OperatorKeys() {}

    public static String[] checkpointDir(CheckTarget t) {
        return t.operatorAtLeast(1, 10) ? CHECKPOINT_DIR_110 : CHECKPOINT_DIR_17;
    }

    public static String[] savepointDir(CheckTarget t) {
        return t.operatorAtLeast(1, 10) ? SAVEPOINT_DIR_110 : SAVEPOINT_DIR_17;
    }

    /** The checkpoint directory's key as a message names it, see {@link #named}. */
    public static String checkpointDirNamed(CheckTarget t) {
        return named(t, checkpointDir(t));
    }

    /** The savepoint directory's key as a message names it, see {@link #named}. */
    public static String savepointDirNamed(CheckTarget t) {
        return named(t, savepointDir(t));
    }

    /**
     * The first key of a state-directory list, and on operator 1.10 (whose Flink renamed the state
     * directories) the older name users of earlier Flink versions write beside it.
     */
    private static String named(CheckTarget t, String[] keys) {
        return t.operatorAtLeast(1, 10) ? keys[0] + " (or " + keys[1] + ")" : keys[0];
    }

    /** Both autoscaler key spellings of one option: {@code job.autoscaler.X} and the operator-prefixed one. */
    public static String[] autoscaler(String suffix) {
        return new String[] {"job.autoscaler." + suffix, "kubernetes.operator.job.autoscaler." + suffix};
    }
}
