package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class AutoscalerOptionInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-autoscaler-option-invalid");

    @Test
    void firesOnNegativeAndNonNumericWhenEnabled() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: autoscaler
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    kubernetes.operator.job.autoscaler.enabled: "true"
                    # expect: operator-autoscaler-option-invalid
                    job.autoscaler.target.utilization: "-0.5"
                    # expect: operator-autoscaler-option-invalid
                    job.autoscaler.scale-up.max-factor: lots
                """);
    }

    @Test
    void disabledAutoscalerIsNotChecked() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: autoscaler
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    job.autoscaler.enabled: "false"
                    job.autoscaler.target.utilization: "-0.5"
                ---
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: autoscaler-ok
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    job.autoscaler.enabled: "true"
                    job.autoscaler.target.utilization: "0.7"
                """);
    }

    @Test
    void excludedPeriodsMustParseFromOperator18On() {
        String deployment = """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: %s
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    job.autoscaler.enabled: "true"
                    %s
                    job.autoscaler.excluded.periods: "%s"
                """;
        String[] fine = {"9:00-17:00", "* * 9-17 ? * MON-FRI", "9:00-17:00 && * * * ? * MON-FRI",
            "10:00:00-12:30:15;0 0/5 14 * * ?", "'9:00-10:00';\\\"* * 1 ? * SUN\\\""};
        String[] refused = {"0 0 * * *", "25:00-26:00", "17:00-9:00", "9:00-10:00 && 11:00-12:00",
            "* * 1 ? * SUN && * * 2 ? * MON", "a && b && c", "9:00-17:00;nonsense"};
        StringBuilder docs = new StringBuilder();
        int n = 0;
        for (String v : fine) {
            docs.append(deployment.formatted("fine-" + n++, "# fine", v)).append("---\n");
        }
        for (String v : refused) {
            docs.append(deployment.formatted("refused-" + n++, "# expect: operator-autoscaler-option-invalid", v)).append("---\n");
        }
        tester.raw("1.10.0", docs.toString());
        // operator 1.7 has no excluded periods: it ignores the key
        tester.raw("1.7.0", deployment.formatted("old", "# fine", "0 0 * * *"));
    }

    @Test
    void aFlinkListSplitsAtSemicolonsOutsideQuotes() {
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of("a", " b", "c;d", "e'f"),
                ExcludedPeriods.flinkList("a; b;'c;d';'e''f'"));
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), ExcludedPeriods.flinkList(""));
    }
}
