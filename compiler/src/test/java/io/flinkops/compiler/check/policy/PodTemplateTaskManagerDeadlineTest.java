package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class PodTemplateTaskManagerDeadlineTest {
    private static final String RULE = "pod-template-taskmanager-deadline";

    /** A deadline the TaskManager template sets, or the shared one passes on, reaches every native TaskManager pod. */
    @Test
    void firesOnADeadlineOfNativeTaskManagers() {
        assertEquals(List.of("FlinkDeployment/jobs/app: spec.taskManager.podTemplate activeDeadlineSeconds is 86400: the kubelet"
                        + " kills every TaskManager pod 86400 s after it starts, and the job fails over each time"),
                RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate:
                      spec:
                        # expect: pod-template-taskmanager-deadline
                        activeDeadlineSeconds: 86400
                """)).stream().map(Diagnostic::message).toList());
        RuleTester.forRule(RULE).raw("1.7.0", Fixtures.rawDeployment("""
                  podTemplate:
                    spec:
                      # expect: pod-template-taskmanager-deadline
                      activeDeadlineSeconds: 3600
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
    }

    /**
     * The JobManager's own deadline is not the TaskManagers' (pod-template-spec-invalid refuses it), standalone
     * TaskManagers are a Deployment (the same), and a deadline Kubernetes refuses is that rule's too.
     */
    @Test
    void quietWithoutADeadlineOnNativeTaskManagers() {
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  jobManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate: {spec: {activeDeadlineSeconds: 600}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  mode: standalone
                  podTemplate: {spec: {activeDeadlineSeconds: 600}}
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager: {resource: {memory: 1g, cpu: 0.5}}
                """));
        RuleTester.forRule(RULE).raw("1.10.0", Fixtures.rawDeployment("""
                  jobManager: {resource: {memory: 1g, cpu: 0.5}}
                  taskManager:
                    resource: {memory: 1g, cpu: 0.5}
                    podTemplate: {spec: {activeDeadlineSeconds: 0}}
                """));
    }
}
