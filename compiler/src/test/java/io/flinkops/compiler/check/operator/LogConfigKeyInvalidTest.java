package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class LogConfigKeyInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-log-config-key-invalid");

    @Test
    void firesOnOtherFileNames() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: logs
                spec:
                  flinkVersion: v1_17
                  logConfiguration:
                    # expect: operator-log-config-key-invalid
                    log4j.properties: |
                      rootLogger.level = INFO
                """);
    }

    @Test
    void consoleFilesAreFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: logs
                spec:
                  flinkVersion: v1_17
                  logConfiguration:
                    log4j-console.properties: |
                      rootLogger.level = INFO
                    logback-console.xml: <configuration/>
                """);
    }
}
