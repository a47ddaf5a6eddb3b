package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class FlinkVersionUnsupportedTest {
    private final RuleTester tester = RuleTester.forRule("operator-flink-version-unsupported");

    private static final String V1_14 = """
            apiVersion: flink.apache.org/v1beta1
            kind: FlinkDeployment
            metadata:
              name: old
            spec:
              %s
              flinkVersion: v1_14
            """;

    @Test
    void operator110RejectsFlink114() {
        tester.raw("1.10.0", V1_14.formatted("# expect: operator-flink-version-unsupported"));
    }

    @Test
    void operator17StillAcceptsIt() {
        tester.raw("1.7.0", V1_14.formatted("# 1.7 accepts v1_14"));
    }

    @Test
    void flink115IsStillSupportedOn110() {
        tester.raw("1.10.0", V1_14.formatted("# near miss").replace("v1_14", "v1_15"));
    }
}
