package io.flinkops.compiler.check.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.flinkops.compiler.testing.RuleTester;
import org.junit.jupiter.api.Test;

class ObjectTooLargeTest {
    private final RuleTester tester = RuleTester.forRule("k8s-object-too-large");

    private static String deployment(int valueLength) {
        return """
                # expect-placeholder
                apiVersion: flink.apache.org/v1beta1
                kind: FlinkDeployment
                metadata: {name: big}
                spec:
                  flinkVersion: v1_17
                  flinkConfiguration:
                    custom.value: %s
                """.formatted("x".repeat(valueLength));
    }

    @Test
    void firesOnAnObjectEtcdCannotStore() {
        tester.raw("1.10.0", deployment(1_600_000).replace("# expect-placeholder", "# expect: k8s-object-too-large"));
    }

    @Test
    void anObjectThatFitsIsFine() {
        tester.raw("1.10.0", deployment(1_500_000).replace("# expect-placeholder\n", ""));
    }

    @Test
    void theLengthCountedIsCompactJsonWithoutEscapes() throws Exception {
        String json = "{\"a\":[1,true,null,\"x\"],\"b\":{\"c\":\"d\"},\"e\":-2.5}";
        assertEquals(json.length(), ObjectTooLarge.jsonLength(new ObjectMapper().readTree(json), 0));
    }
}
