package io.flinkops.compiler.check;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.model.Environment;
import java.util.Optional;

/**
 * One emitted object under check, with what rules need to judge it. Its flinkConfiguration is read
 * once here, not by each of the rules that look at it.
 */
public record CheckTarget(EmittedObject object, EnvironmentView view, FlinkConf conf) {

    public CheckTarget(EmittedObject object, EnvironmentView view) {
        this(object, view, FlinkConf.of(object.flinkConfiguration(), "/spec/flinkConfiguration"));
    }

    public JsonNode root() {
        return object.object();
    }

    public JsonNode spec() {
        return object.object().path("spec");
    }

    public String kind() {
        return object.kind();
    }

    public boolean isFlinkApi() {
        return object.apiVersion().startsWith("flink.apache.org/");
    }

    public boolean isDeployment() {
        return isFlinkApi() && "FlinkDeployment".equals(kind());
    }

    public boolean isSessionJob() {
        return isFlinkApi() && "FlinkSessionJob".equals(kind());
    }

    public Environment environment() {
        return view.environment();
    }

    public String operatorVersion() {
        return view.operatorVersion();
    }

    /** True when the operator version is at least {@code major.minor}. */
    public boolean operatorAtLeast(int major, int minor) {
        String[] p = operatorVersion().split("\\.");
        try {
            int ma = Integer.parseInt(p[0]);
            int mi = p.length > 1 ? Integer.parseInt(p[1]) : 0;
            return ma > major || (ma == major && mi >= minor);
        } catch (NumberFormatException e) {
            return true;
        }
    }


    /** The session cluster a session job runs on, when the view holds it. */
    public Optional<EmittedObject> sessionCluster() {
        if (!isSessionJob()) {
            return Optional.empty();
        }
        String name = spec().path("deploymentName").asText("");
        return view.find("FlinkDeployment", object.namespace(), name);
    }

    /**
     * The configuration the operator deploys a FlinkDeployment with and its admission checks see: the
     * object's own over the operator's default configuration ({@link #operatorDefaults}). For a session job, its cluster's (operator 1.10 adds the job's
     * own on top), over the same defaults; only the defaults when the cluster is unknown.
     */
    public FlinkConf admissionConf() {
        if (!isSessionJob()) {
            return conf().over(operatorDefaults());
        }
        return (operatorAtLeast(1, 10) ? conf().over(clusterConf()) : clusterConf()).over(operatorDefaults());
    }

    /** The operator's default configuration: the environment's, or --operator-config's for objects outside any. */
    public FlinkConf operatorDefaults() {
        return view.operatorDefaults();
    }

    /** A session job's cluster configuration, every key located at the job's deploymentName; empty when unknown. */
    public FlinkConf clusterConf() {
        return sessionCluster()
                .map(c -> FlinkConf.of(c.flinkConfiguration(), "/spec/deploymentName"))
                .orElse(FlinkConf.empty());
    }

    /** The job part, or a missing node. */
    public JsonNode job() {
        return spec().path("job");
    }

    public boolean hasJob() {
        JsonNode j = spec().get("job");
        return j != null && !j.isNull();
    }

    /**
     * Amazon EMR on EKS's flavour of the operator, which an object names by its EMR release (a field its
     * CRD requires and Apache's does not have). EMR's operator fetches an application's jar from S3 and
     * turns JobManager high availability on by default, with its metadata under spec.jobManager.storageDir.
     */
    public boolean isEmrFlavour() {
        return spec().path("emrReleaseLabel").isTextual();
    }

    /** High availability as EMR's operator sets it up: on unless spec.jobManager.highAvailabilityEnabled is false. */
    public boolean emrHighAvailability() {
        JsonNode enabled = spec().path("jobManager").path("highAvailabilityEnabled");
        return isEmrFlavour() && !(enabled.isBoolean() && !enabled.booleanValue());
    }

    /** The upgrade mode as the operator defaults it. */
    public String upgradeMode() {
        return job().path("upgradeMode").asText("stateless");
    }
}
