package io.flinkops.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkiverse.argocd.v1alpha1.AppProject;
import io.quarkiverse.argocd.v1alpha1.Application;
import io.quarkiverse.argocd.v1alpha1.ApplicationSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every field of the emitted Argo CD objects is one Argo CD knows: each binds, with unknown
 * properties refused, to the classes generated from Argo CD's own CRDs (the published artifact
 * io.quarkiverse.argocd:quarkus-argocd-model-v1alpha1). An ApplicationSet's template binds as an
 * Application's spec; its generators are covered by {@link ArgoCrdSchemaTest}.
 */
class ArgoModelBindingTest {
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);

    @TempDir
    Path dir;

    private List<ObjectNode> argoObjects() {
        return ArgoCrdSchemaTest.argoObjectsOfTheSamples(dir);
    }

    private static void bind(JsonNode object) throws Exception {
        switch (object.path("kind").asText()) {
            case "Application" -> {
                STRICT.treeToValue(object, Application.class);
                STRICT.treeToValue(object.path("spec"), ApplicationSpec.class);
            }
            case "AppProject" -> STRICT.treeToValue(object, AppProject.class);
            case "ApplicationSet" -> STRICT.treeToValue(object.path("spec").path("template").path("spec"), ApplicationSpec.class);
            default -> throw new AssertionError("unexpected Argo CD kind " + object.path("kind"));
        }
    }

    @Test
    void everyEmittedFieldIsOneArgoCdKnows() throws Exception {
        Set<String> kinds = new TreeSet<>();
        for (ObjectNode o : argoObjects()) {
            bind(o);
            kinds.add(o.path("kind").asText());
        }
        assertEquals(Set.of("AppProject", "Application", "ApplicationSet"), kinds);
    }

    @Test
    void anUnknownFieldFailsTheBinding() throws Exception {
        List<ObjectNode> objects = argoObjects();
        ObjectNode app = objects.stream().filter(o -> o.path("kind").asText().equals("Application")).findFirst().orElseThrow();
        ((ObjectNode) app.path("spec").path("syncPolicy")).put("automatic", true);
        assertThrows(UnrecognizedPropertyException.class, () -> bind(app));

        ObjectNode project = objects.stream().filter(o -> o.path("kind").asText().equals("AppProject")).findFirst().orElseThrow();
        ((ObjectNode) project.path("spec")).putArray("destination").addObject().put("server", "x");
        assertThrows(UnrecognizedPropertyException.class, () -> bind(project));

        ObjectNode set = objects.stream().filter(o -> o.path("kind").asText().equals("ApplicationSet")).findFirst().orElseThrow();
        ((ObjectNode) set.path("spec").path("template").path("spec").path("source")).put("repoUrl", "https://example.com/x.git");
        assertThrows(UnrecognizedPropertyException.class, () -> bind(set));
        assertTrue(objects.size() >= 8);
    }
}
