package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class IngressTemplateInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-ingress-template-invalid");

    @Test
    void firesWithoutTemplateOrOnBadUrl() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: no-template
                spec:
                  flinkVersion: v1_17
                  # expect: operator-ingress-template-invalid
                  ingress:
                    className: nginx
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: bad-port
                spec:
                  flinkVersion: v1_17
                  ingress:
                    # expect: operator-ingress-template-invalid
                    template: "flink.example.com:port/{{name}}"
                """);
    }

    @Test
    void hostAndPathTemplatesAreFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: ok
                  namespace: jobs
                spec:
                  flinkVersion: v1_17
                  ingress:
                    template: "flink.example.com/{{namespace}}/{{name}}(/|$)(.*)"
                    className: nginx
                """);
    }
}
