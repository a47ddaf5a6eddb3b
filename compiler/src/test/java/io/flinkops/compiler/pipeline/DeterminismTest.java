package io.flinkops.compiler.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.flinkops.compiler.testing.TestRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two builds in separate JVMs with different time zones, locales and working directories give the same bytes. */
class DeterminismTest {
    @TempDir
    Path dir;

    @Test
    void sameBytesUnderAnyLocaleTimeZoneAndWorkingDirectory() throws Exception {
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        build(repo.root(), dir.resolve("out-a"), dir, "UTC", "en_US.UTF-8", "en", "US");
        build(repo.root(), dir.resolve("out-b"), repo.root().resolve("environments"), "Pacific/Kiritimati", "tr_TR.UTF-8", "tr", "TR");
        Map<String, String> a = SamplesTest.tree(dir.resolve("out-a"));
        Map<String, String> b = SamplesTest.tree(dir.resolve("out-b"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertEquals(v, b.get(k), k));
    }

    /** Java 25 (installed beside 17 on these machines) writes the same bytes as Java 17. */
    @Test
    void sameBytesOnJava25() throws Exception {
        Path java25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.isExecutable(java25), "no Java 25 on this machine");
        TestRepo repo = new TestRepo(dir.resolve("repo")).withSamples();
        build(repo.root(), dir.resolve("out-17"), dir, "UTC", "C.UTF-8", "en", "US");
        build(java25.toString(), repo.root(), dir.resolve("out-25"), dir, "Asia/Kolkata", "de_DE.UTF-8", "de", "DE");
        Map<String, String> a = SamplesTest.tree(dir.resolve("out-17"));
        Map<String, String> b = SamplesTest.tree(dir.resolve("out-25"));
        assertEquals(a.keySet(), b.keySet());
        a.forEach((k, v) -> assertEquals(v, b.get(k), k));
    }

    private static void build(Path repo, Path out, Path cwd, String tz, String lang, String language, String country) throws Exception {
        build(Path.of(System.getProperty("java.home"), "bin", "java").toString(), repo, out, cwd, tz, lang, language, country);
    }

    private static void build(String java, Path repo, Path out, Path cwd, String tz, String lang, String language, String country) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Duser.timezone=" + tz, "-Duser.language=" + language, "-Duser.country=" + country,
                "-Dfile.encoding=UTF-8",
                "-cp", System.getProperty("java.class.path"),
                "io.flinkops.compiler.cli.FlinkopsCli", "build", "--repo", repo.toString(), "--out", out.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true);
        pb.environment().put("TZ", tz);
        pb.environment().put("LANG", lang);
        pb.environment().put("LC_ALL", lang);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(120, TimeUnit.SECONDS);
        assertEquals(0, p.exitValue(), output);
    }
}
