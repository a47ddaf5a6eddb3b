package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import java.util.ArrayList;
import java.util.List;

/**
 * The volumes Flink's decorators add to a pod and mount in flink-main-container, whatever the template has (read
 * from Flink 1.17.1's KubernetesJobManagerFactory and KubernetesTaskManagerFactory, run on templates, and the
 * operator 1.7.0 standalone factories' decorator lists): each appended, so a template's volume of the same name
 * or mount at the same path is a second one, which Kubernetes refuses.
 */
final class FlinkVolumes {
    /** A volume Flink adds: its name, where flink-main-container mounts it, and what it holds and whence, for messages. */
    record FlinkVolume(String name, String mountPath, String what, String whence) {}

    static final String CONF_DIR = "kubernetes.flink.conf.dir";
    private static final String HADOOP_CONF_MAP = "kubernetes.hadoop.conf.config-map.name";
    private static final String KEYTAB = "security.kerberos.login.keytab";
    private static final String KRB5_CONF = "security.kerberos.krb5-conf.path";
    private static final String SECRETS = "kubernetes.secrets";

    private FlinkVolumes() {}

    /** The volumes Flink adds to one merged pod of a FlinkDeployment, given its configuration over the operator's defaults. */
    static List<FlinkVolume> of(MergedPods merged, MergedPods.Pod pod) {
        CheckTarget t = merged.target();
        FlinkConf conf = t.admissionConf();
        List<FlinkVolume> out = new ArrayList<>();
        out.add(new FlinkVolume("flink-config-volume", conf.get(CONF_DIR).orElse("/opt/flink/conf"),
                "its own configuration", "at " + CONF_DIR));
        boolean standalone = merged.standalone();
        boolean taskManagerTemplate = t.spec().path("podTemplate").isObject() || t.spec().path("taskManager").path("podTemplate").isObject();
        if (pod.component().equals("jobManager") && !standalone && taskManagerTemplate) {
            out.add(new FlinkVolume("pod-template-volume", "/opt/flink/pod-template",
                    "the TaskManagers' pod template", "which the operator hands the JobManager"));
        }
        if (conf.get(HADOOP_CONF_MAP).filter(v -> !v.isBlank()).isPresent()) {
            out.add(new FlinkVolume("hadoop-config-volume", "/opt/hadoop/conf",
                    "the Hadoop configuration", "of " + HADOOP_CONF_MAP));
        }
        if (conf.get(KEYTAB).filter(v -> !v.isBlank()).isPresent()) {
            out.add(new FlinkVolume("kerberos-keytab-volume", "/opt/kerberos/kerberos-keytab",
                    "the Kerberos keytab", "of " + KEYTAB));
        }
        if (conf.get(KRB5_CONF).filter(v -> !v.isBlank()).isPresent()) {
            out.add(new FlinkVolume("kerberos-krb5conf-volume", "/etc/krb5.conf",
                    "krb5.conf", "of " + KRB5_CONF));
        }
        for (String entry : conf.get(SECRETS).orElse("").split(",")) {
            int colon = entry.indexOf(':');
            if (colon > 0 && colon < entry.length() - 1) {
                String secret = entry.substring(0, colon).trim();
                out.add(new FlinkVolume(secret + "-volume", entry.substring(colon + 1).trim(),
                        "secret " + secret, "of " + SECRETS));
            }
        }
        return out;
    }
}
