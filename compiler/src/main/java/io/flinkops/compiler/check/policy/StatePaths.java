package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.OperatorKeys;
import java.util.LinkedHashMap;
import java.util.Map;

/** The state paths a Flink resource writes to: checkpoints, savepoints and HA storage. */
final class StatePaths {
    static final String[][] KEYS = {
        OperatorKeys.CHECKPOINT_DIR_110, OperatorKeys.SAVEPOINT_DIR_110,
        OperatorKeys.HA_STORAGE,
    };

    private StatePaths() {}

    /** Key that set the path to the path itself, for every state path the object's own configuration sets. */
    static Map<String, String> of(CheckTarget t) {
        FlinkConf conf = t.conf();
        Map<String, String> out = new LinkedHashMap<>();
        for (String[] keys : KEYS) {
            conf.keyOf(keys).ifPresent(k -> out.put(k, conf.get(k).orElseThrow().trim()));
        }
        return out;
    }

    static String scheme(String path) {
        int i = path.indexOf("://");
        return i < 0 ? "" : path.substring(0, i).toLowerCase(java.util.Locale.ROOT);
    }

    static String bucket(String path) {
        int i = path.indexOf("://");
        if (i < 0) {
            return "";
        }
        String rest = path.substring(i + 3);
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }
}
