package io.flinkops.compiler.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * One known-good raw FlinkDeployment in environment "dev" (namespace jobs, bucket acme-flink-state)
 * that passes every rule; a test changes one line and marks where the rule must fire.
 */
public final class PolicyCase {
    public static final String DEPLOYMENT = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: app
              namespace: jobs
              labels:
                flinkops.io/team: data
            spec:
              image: flink:1.17.2
              flinkVersion: v1_17
              serviceAccount: flink
              flinkConfiguration:
                taskmanager.numberOfTaskSlots: "2"
                state.checkpoints.dir: s3://acme-flink-state/dev/jobs/app/checkpoints
                state.savepoints.dir: s3://acme-flink-state/dev/jobs/app/savepoints
                high-availability.type: kubernetes
                high-availability.storageDir: s3://acme-flink-state/dev/jobs/app/ha
                execution.checkpointing.interval: 60s
              podTemplate:
                spec:
                  containers:
                    - name: flink-main-container
                      env:
                        - name: ENABLE_BUILT_IN_PLUGINS
                          value: flink-s3-fs-hadoop-1.17.2.jar
              jobManager:
                resource: {cpu: 1, memory: 1024m}
              taskManager:
                resource: {cpu: 1, memory: 2048m}
              job:
                jarURI: local:///job.jar
                parallelism: 2
                upgradeMode: savepoint
            """;

    /** A raw FlinkSessionJob: (comment or marker, deploymentName, comment or marker, jarURI). */
    public static final String SESSION_JOB = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkSessionJob
                metadata:
                  name: job
                  namespace: jobs
                  labels: {flinkops.io/team: data}
                spec:
                  %s
                  deploymentName: %s
                  job:
                    %s
                    jarURI: %s
                    parallelism: 1
                """;

    private String text = DEPLOYMENT;
    private String operatorVersion = "1.10.0";
    private boolean production;
    private String extraFile;
    private String extraName;

    public static PolicyCase deployment() {
        return new PolicyCase();
    }

    /** Replaces one line (matched whole, with its indentation) and, with a rule, marks it. */
    public PolicyCase change(String oldLine, String newLine, String expectRule) {
        List<String> lines = List.of(text.split("\n", -1));
        int i = lines.indexOf(oldLine);
        if (i < 0) {
            throw new IllegalArgumentException("no line '" + oldLine + "' in the fixture");
        }
        String indent = newLine.substring(0, newLine.length() - newLine.stripLeading().length());
        String replacement = (expectRule != null ? indent + "# expect: " + expectRule + "\n" : "") + newLine;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < lines.size(); k++) {
            sb.append(k == i ? replacement : lines.get(k));
            if (k < lines.size() - 1) {
                sb.append('\n');
            }
        }
        text = sb.toString();
        return this;
    }

    public PolicyCase change(String oldLine, String newLine) {
        return change(oldLine, newLine, null);
    }

    public PolicyCase operator(String version) {
        operatorVersion = version;
        return this;
    }

    public PolicyCase production() {
        production = true;
        return this;
    }

    /** Another spec in the same environment. */
    public PolicyCase with(String name, String content) {
        extraName = name;
        extraFile = content;
        return this;
    }

    public String text() {
        return text;
    }

    /** Writes the repository and asserts the rule's findings in app.yaml. */
    public void check(Path dir, String rule) {
        TestRepo repo = new TestRepo(dir)
                .file("environments/dev/environment.yaml", Fixtures.environment("dev", operatorVersion, production))
                .file("policies/baseline.yaml", Fixtures.BASELINE)
                .file("environments/dev/app.yaml", text);
        if (extraFile != null) {
            repo.file("environments/dev/" + extraName, extraFile);
        }
        if (extraFile != null) {
            RuleTester.forRule(rule).repo(repo, "environments/dev/app.yaml", "environments/dev/" + extraName);
        } else {
            RuleTester.forRule(rule).repo(repo, "environments/dev/app.yaml");
        }
    }
}
