package io.flinkops.compiler.check.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import org.junit.jupiter.api.Test;

/**
 * What operator 1.7.0's FlinkUtils.mergePodTemplates made of these pairs (bench/conformance holds the
 * two merges to each other on 10,000 random pairs); here the cases that show its rules.
 */
class PodTemplateMergeTest {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES).build();

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void merges(String shared, String component, boolean byName, String pod) {
        assertEquals(json(pod), PodTemplateMerge.merge(json(shared), json(component), byName));
    }

    @Test
    void byPositionAComponentsItemIsLaidOverTheSharedOneAtItsIndex() {
        merges("{spec: {containers: [{name: 'flink-main-container', env: [{name: 'ENABLE_BUILT_IN_PLUGINS', value: 's3'}]}],"
                        + " volumes: [{name: 'flink-logs', emptyDir: {}}]}}",
                "{spec: {containers: [{name: 'sidecar', image: 'busybox', env: [{name: 'TZ', value: 'UTC'}]}],"
                        + " volumes: [{name: 'cfg', configMap: {name: 'cfg'}}]}}",
                false,
                "{spec: {containers: [{name: 'sidecar', image: 'busybox', env: [{name: 'TZ', value: 'UTC'}]}],"
                        + " volumes: [{name: 'cfg', emptyDir: {}, configMap: {name: 'cfg'}}]}}");
    }

    @Test
    void aListOfTextsKeepsTheSharedItemsAndGainsOnlyThosePastItsEnd() {
        merges("{spec: {containers: [{name: 'a', args: ['x', 'y']}]}}", "{spec: {containers: [{name: 'a', args: ['z', 'w', 'v']}]}}",
                false, "{spec: {containers: [{name: 'a', args: ['x', 'y', 'v']}]}}");
    }

    @Test
    void byNameTheLaterOfTwoItemsOfOneNameWinsAtTheEarliersPlace() {
        merges("{spec: {containers: [{name: 'main'}, {name: 'sidecar'}, {name: 'main', image: 'i1'}]}}",
                "{spec: {containers: [{name: 'sidecar', image: 'i2'}, {name: 'new'}]}}",
                true,
                "{spec: {containers: [{name: 'main', image: 'i1'}, {name: 'sidecar', image: 'i2'}, {name: 'new'}]}}");
    }

    @Test
    void byNameNeedsANameOnEveryItemOfBothLists() {
        merges("{spec: {volumes: [{name: 'a', emptyDir: {}}]}}", "{spec: {volumes: [{configMap: {name: 'c'}}, {name: 'a'}]}}",
                true, "{spec: {volumes: [{name: 'a', emptyDir: {}, configMap: {name: 'c'}}, {name: 'a'}]}}");
    }

    @Test
    void nullsAndEmptyListsCountAsAbsent() {
        merges("{spec: {containers: [{name: 'a', image: 'i', env: [{name: 'X', value: '1'}]}]}}",
                "{spec: {containers: [{name: 'a', env: [], image: null}]}}",
                false, "{spec: {containers: [{name: 'a', image: 'i', env: [{name: 'X', value: '1'}]}]}}");
    }
}
