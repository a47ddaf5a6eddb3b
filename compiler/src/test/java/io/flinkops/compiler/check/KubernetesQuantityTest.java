package io.flinkops.compiler.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API server's quantity grammar, held to the installed kubectl, which parses a limit with the same Go code. */
class KubernetesQuantityTest {
    /** What people write, what they mistype, and the corners of the grammar. */
    static final List<String> FORMS = List.of(
            "500m", "1", "0", "2Gi", "1.5Gi", "1536Mi", "4G", "10Gi", "0.5", ".5", "+.5", "1.", "1.G", "1.e3", "00001",
            "1k", "1e3", "1E3", "1e+3", "1E-3", "1.5e3", "1e-10", "1e19", "1e400", "1u", "1n", "1.1n", "0.1m", "1E", "2Ei",
            "1.5Pi", "1.0000000000000000001", "-1", "-1m", "-0", "+1", "-", "+", ".", "m", "Ki", "e3",
            "1K", "1ki", "1gi", "1GB", "1Gb", "2 Gi", " 1", "1 ", "lots", "", "1.5.5", "0x10", "1_000", "1e", "5e", "5i",
            "1ee3", "1e3.5", "1Mi5", "1Mi+", "1k+", "1m5", "1Eix", "1e-9m", "Gi", "1Ki1", "1,5", "½", "１");

    @TempDir
    Path dir;

    @Test
    void acceptsWhatKubectlAcceptsAtTheSameAmount() throws Exception {
        Path pod = dir.resolve("pod.yaml");
        Files.writeString(pod, "apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: x}]\n");
        List<String> disagreements = new ArrayList<>();
        // one kubectl per form, on both cores
        Map<String, Optional<String>> read = new ConcurrentHashMap<>();
        FORMS.parallelStream().forEach(form -> read.put(form, kubectlLimit(pod, form)));
        for (String form : FORMS) {
            Optional<String> kubectl = read.get(form);
            Optional<BigDecimal> ours = KubernetesQuantity.parse(form);
            if (kubectl.isPresent() != ours.isPresent()) {
                disagreements.add("[" + form + "] kubectl " + kubectl.map(k -> "reads " + k).orElse("refuses") + ", flinkops "
                        + ours.map(o -> "reads " + o.toPlainString()).orElse("refuses"));
            } else if (kubectl.isPresent()) {
                // kubectl prints the amount in canonical form (1.1n as 2n, 1.5Pi as 1536Ti): the same amount
                BigDecimal printed = KubernetesQuantity.parse(kubectl.get()).orElseThrow();
                if (printed.compareTo(ours.get()) != 0) {
                    disagreements.add("[" + form + "] kubectl reads " + kubectl.get() + ", flinkops " + ours.get().toPlainString());
                }
            }
        }
        assertEquals(List.of(), disagreements);
        assertTrue(FORMS.stream().filter(f -> KubernetesQuantity.parse(f).isEmpty()).count() > 20, "refusals are tried too");
    }

    private static Optional<String> kubectlLimit(Path pod, String form) {
        try {
            Process p = new ProcessBuilder("kubectl", "set", "resources", "--local", "-f", pod.toString(), "--limits=cpu=" + form,
                    "-o", "jsonpath={.spec.containers[0].resources.limits.cpu}").redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "kubectl timed out");
            return p.exitValue() == 0 ? Optional.of(out.trim()) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
