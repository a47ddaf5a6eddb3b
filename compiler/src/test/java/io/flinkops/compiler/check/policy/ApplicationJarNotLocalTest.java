package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.testing.Fixtures;
import io.flinkops.compiler.testing.PolicyCase;
import io.flinkops.compiler.testing.RuleTester;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApplicationJarNotLocalTest {
    private static final String RULE = "application-jar-not-local";

    @TempDir
    Path dir;

    @Test
    void firesOnAnS3JarOnFlink117() {
        PolicyCase.deployment().change("    jarURI: local:///job.jar", "    jarURI: s3://acme-flink-artifacts/jobs/app-1.0.jar", RULE)
                .check(dir, RULE);
    }

    @Test
    void localJarsLaterFlinkStandaloneAndPlaceholdersAreFine() {
        RuleTester.forRule(RULE).raw("1.10.0", deployment("v1_17", "", "local:///opt/flink/usrlib/app.jar")
                + "---\n" + deployment("v1_19", "", "s3://acme/app.jar").replace("name: app", "name: app2")
                + "---\n" + deployment("v1_20", "", "https://repo.example.com/app.jar").replace("name: app", "name: app3")
                + "---\n" + deployment("v1_17", "  mode: standalone\n", "s3://acme/app.jar").replace("name: app", "name: app4")
                + "---\n" + deployment("v1_17", "", "${JAR_URI}").replace("name: app", "name: app5"));
    }

    @Test
    void aPathWithoutSchemeIsNotLocalEither() {
        List<Diagnostic> found = RuleTester.forRule(RULE).raw("1.7.0", deployment("v1_18", "", "/opt/flink/usrlib/app.jar")
                .replace("  job: {jarURI:", "  # expect: application-jar-not-local\n  job: {jarURI:"));
        assertEquals("FlinkDeployment/jobs/app: jarURI /opt/flink/usrlib/app.jar is not a local:// path in the image, and Flink 1.18"
                + " runs an application cluster's job only from one: the JobManager never starts", found.get(0).message());
    }

    @Test
    void emrOnEksFetchesAnS3JarButNoOtherScheme() {
        String emr = "  emrReleaseLabel: emr-6.15.0-flink-latest\n";
        RuleTester.forRule(RULE).raw("1.7.0", deployment("v1_17", emr, "s3://acme/app.jar")
                + "---\n" + deployment("v1_18", emr, "S3A://acme/app.jar").replace("name: app", "name: app2")
                + "---\n" + deployment("v1_18", emr, "https://repo.example.com/app.jar").replace("name: app", "name: app3")
                        .replace("  job: {jarURI:", "  # expect: application-jar-not-local\n  job: {jarURI:")
                + "---\n" + deployment("v1_18", "", "s3://acme/app.jar").replace("name: app", "name: app4")
                        .replace("  job: {jarURI:", "  # expect: application-jar-not-local\n  job: {jarURI:"));
    }

    private static String deployment(String flinkVersion, String mode, String jarURI) {
        return Fixtures.rawDeployment(mode + Fixtures.RESOURCES).replace("flinkVersion: v1_17", "flinkVersion: " + flinkVersion)
                .replace("local:///job.jar", jarURI);
    }
}
