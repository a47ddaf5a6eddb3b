package io.flinkops.compiler.check.operator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class MemoryInvalidTest {
    private final RuleTester tester = RuleTester.forRule("operator-memory-invalid");

    @Test
    void firesOnUnparseableAndFractionalQuantities() {
        tester.raw("1.7.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: bad-memory
                spec:
                  flinkVersion: v1_17
                  jobManager:
                    resource:
                      # expect: operator-memory-invalid
                      memory: two gigs
                  taskManager:
                    resource:
                      # expect: operator-memory-invalid
                      memory: 1.5Gi
                """);
    }

    @Test
    void flinkAndKubernetesSyntaxesAreFine() {
        tester.raw("1.10.0", """
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata:
                  name: good-memory
                spec:
                  flinkVersion: v1_17
                  jobManager:
                    resource: {memory: 2Gi}
                  taskManager:
                    resource: {memory: 2 gb}
                """);
    }

    @Test
    void parsesLikeTheOperator() {
        for (String ok : new String[] {"1024m", "2g", "2G", "2gb", "2Gi", "2gi", "512Mi", "1073741824", "4096 mb", "1e9", "2GiB"}) {
            assertTrue(FlinkValues.resourceMemory(ok).isPresent(), ok);
        }
        for (String bad : new String[] {"", "abc", "-1g", "1.5Gi", "1.5g", "10Ki", "2 X"}) {
            if (bad.equals("10Ki")) {
                assertTrue(FlinkValues.resourceMemory(bad).isPresent(), bad);
                continue;
            }
            assertFalse(FlinkValues.resourceMemory(bad).isPresent(), bad);
        }
    }
}
