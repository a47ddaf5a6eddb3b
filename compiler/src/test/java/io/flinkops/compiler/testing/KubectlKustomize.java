package io.flinkops.compiler.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The installed {@code kubectl kustomize}, as Argo CD's repo server renders a root. */
public final class KubectlKustomize {
    private KubectlKustomize() {}

    /** The rendered root; fails the test when kustomize refuses it. */
    public static String render(Path root) throws IOException, InterruptedException {
        return run(root, true);
    }

    /** Fails the test unless kustomize refuses the root. */
    public static void assertRefused(Path root) throws IOException, InterruptedException {
        run(root, false);
    }

    private static String run(Path root, boolean mustRender) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "kustomize", root.toString()).start();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize timed out");
        assertEquals(mustRender, p.exitValue() == 0, "kubectl kustomize " + root + ": " + err);
        return new String(out, StandardCharsets.UTF_8);
    }
}
