package io.flinkops.compiler.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flinkops.compiler.testing.Fixtures;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher script, run for real on a stand-in jar (a main that prints the Java version it runs
 * on): how it chooses the runtime, and what it says when there is none.
 */
class LauncherTest {
    @TempDir
    Path root;

    @BeforeEach
    void layOut() throws Exception {
        Files.copy(Fixtures.repoRoot().resolve("flinkops"), root.resolve("flinkops"));
        root.resolve("flinkops").toFile().setExecutable(true);
        Files.createDirectories(root.resolve("compiler/src/main"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.writeString(root.resolve("compiler/pom.xml"), "<project/>");
        Path src = Files.createDirectories(root.resolve("stand-in")).resolve("Main.java");
        Files.writeString(src, "public class Main { public static void main(String[] a) {"
                + " System.out.println(Runtime.version().feature() + \" \" + String.join(\",\", a));"
                + " System.out.println(\"gc=\" + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()"
                + ".map(b -> b.getName()).sorted().toList());"
                + " System.out.println(\"LC_ALL=\" + System.getenv(\"LC_ALL\"));"
                + " System.out.println(\"jvm=\" + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments()); } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, "--release", "17", src.toString()));
        Path jar = Files.createDirectories(root.resolve("compiler/target")).resolve("flinkops.jar");
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "Main");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream j = new JarOutputStream(out, manifest)) {
            j.putNextEntry(new JarEntry("Main.class"));
            j.write(Files.readAllBytes(root.resolve("stand-in/Main.class")));
            j.closeEntry();
        }
        // the sources are older than the jar: the launcher must not try to rebuild
        FileTime old = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (Path p : List.of(root.resolve("pom.xml"), root.resolve("compiler/pom.xml"), root.resolve("compiler/src/main"))) {
            Files.setLastModifiedTime(p, old);
        }
    }

    private String[] run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        return run(root.resolve("flinkops"), env, args);
    }

    private static String[] run(Path script, Map<String, String> env, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder();
        pb.command().add(script.toString());
        pb.command().addAll(List.of(args));
        pb.environment().put("FLINKOPS_NO_CDS", "1");
        pb.environment().remove("FLINKOPS_JAVA_HOME");
        pb.environment().putAll(env);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new String[] {Integer.toString(p.exitValue()), out};
    }

    @Test
    void runsTheJarOnTheChosenJdkAndPassesTheArguments() throws Exception {
        Path java17 = Path.of(System.getProperty("java.home"));
        String[] r = run(Map.of("FLINKOPS_JAVA_HOME", java17.toString()), "validate", "a b.yaml");
        assertEquals("0", r[0], r[1]);
        assertEquals(Runtime.version().feature() + " validate,a b.yaml", r[1].lines().findFirst().orElseThrow());
        assertTrue(Files.readString(root.resolve("compiler/target/launcher.env")).contains(java17.toString()));
    }

    @Test
    void withoutAFlinkopsJavaHomeItPrefersAJdk25OrLater() throws Exception {
        String[] r = run(Map.of(), "--version");
        assertEquals("0", r[0], r[1]);
        int feature = Integer.parseInt(r[1].split(" ")[0]);
        // the launcher's candidates: JAVA_HOME, the java on PATH, /usr/lib/jvm/*
        List<Path> homes = new java.util.ArrayList<>();
        String javaHome = System.getenv("JAVA_HOME");
        if (javaHome != null && !javaHome.isEmpty()) {
            homes.add(Path.of(javaHome));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path java = Path.of(dir.isEmpty() ? "." : dir, "java");
            if (Files.isExecutable(java)) {
                homes.add(java.toRealPath().getParent().getParent());
                break;
            }
        }
        try (var jvms = Files.list(Path.of("/usr/lib/jvm"))) {
            jvms.forEach(homes::add);
        } catch (IOException e) {
            // no such folder here
        }
        boolean jdk25Installed = homes.stream().anyMatch(h -> Files.isExecutable(h.resolve("bin/java")) && release(h) >= 25);
        assertEquals(jdk25Installed, feature >= 25, r[1]);
    }

    @Test
    void aRepositoryWideRunCollectsOnBothCoresAndAFileCheckSerially() throws Exception {
        Map<String, String> java = Map.of("FLINKOPS_JAVA_HOME", System.getProperty("java.home"));
        Path spec = Files.writeString(root.resolve("spec.yaml"), "kind: FlinkDeployment\n");
        Path crowded = Files.createDirectories(root.resolve("environments/big"));
        for (int i = 0; i <= 100; i++) {
            Files.writeString(crowded.resolve("job-" + i + ".yaml"), "kind: FlinkJob\n");
        }
        for (String[] args : List.of(new String[] {"build"}, new String[] {"diff", "--base", "main"},
                new String[] {"validate"}, new String[] {"validate", "--repo", root.toString(), "--env", "dev"},
                new String[] {"validate", crowded.resolve("job-7.yaml").toString()})) {
            assertEquals("gc=[PS MarkSweep, PS Scavenge]", run(java, args)[1].lines().skip(1).findFirst().orElseThrow(), String.join(" ", args));
        }
        for (String[] args : List.of(new String[] {"validate", spec.toString()}, new String[] {"validate", "-"},
                new String[] {"validate", "--repo", root.toString(), spec.toString()}, new String[] {"rules"})) {
            assertEquals("gc=[Copy, MarkSweepCompact]", run(java, args)[1].lines().skip(1).findFirst().orElseThrow(), String.join(" ", args));
        }
        // once the crowded environment has a context pack, a spec in it is a check's work again
        Files.createDirectories(root.resolve("build/cache/context"));
        Files.writeString(root.resolve("build/cache/context/big.pack"), "{}");
        assertEquals("gc=[Copy, MarkSweepCompact]", run(java, "validate", crowded.resolve("job-7.yaml").toString())[1]
                .lines().skip(1).findFirst().orElseThrow());
    }

    /** A JVM names files in its locale's character set; the C locale of a CI container cannot hold "überwachung.yaml". */
    @Test
    void aLocaleThatIsNotUtf8IsReplacedForTheJvm() throws Exception {
        Map<String, String> env = new java.util.HashMap<>(Map.of("FLINKOPS_JAVA_HOME", System.getProperty("java.home")));
        for (String[] locale : List.of(new String[] {"C", "C.UTF-8"}, new String[] {"POSIX", "C.UTF-8"},
                new String[] {"de_DE.UTF-8", "de_DE.UTF-8"}, new String[] {"en_US.utf8", "en_US.utf8"})) {
            env.put("LC_ALL", locale[0]);
            assertEquals("LC_ALL=" + locale[1], run(env, "--version")[1].lines().filter(l -> l.startsWith("LC_ALL=")).findFirst().orElseThrow(), locale[0]);
        }
        env.put("LC_ALL", "");
        env.put("LANG", "");
        env.put("LC_CTYPE", "");
        assertEquals("LC_ALL=C.UTF-8", run(env, "--version")[1].lines().filter(l -> l.startsWith("LC_ALL=")).findFirst().orElseThrow(), "no locale at all");
    }

    /**
     * The heap asks for transparent huge pages where the kernel gives them on request and holds enough
     * free 2 MiB blocks; where it would first have to compact memory, it does not ask.
     */
    @Test
    void theHeapAsksForHugePagesOnlyWhenTheKernelHoldsThemFree() throws Exception {
        Path madvise = Files.writeString(root.resolve("enabled-madvise"), "always [madvise] never\n");
        Path always = Files.writeString(root.resolve("enabled-always"), "[always] madvise never\n");
        // 18 blocks of 2 MiB and 752 of 4 MiB free (3,044 MiB), as on a machine with memory to spare
        Path plenty = Files.writeString(root.resolve("buddyinfo-plenty"),
                "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3\n"
                + "Node 0, zone   Normal    233   1814   3627   2509   1485    853    428    169     61     18    752\n");
        // 172 MiB in free 2 MiB blocks, much of the rest free in smaller pieces: right after a large render
        Path fragmented = Files.writeString(root.resolve("buddyinfo-fragmented"),
                "Node 0, zone      DMA      0      0      0      0      0      0      0      0      1      1      3\n"
                + "Node 0, zone   Normal   4704   4655   4452   2792   1092    200     34      9      6      5     37\n");
        Path spec = Files.writeString(root.resolve("spec.yaml"), "kind: FlinkDeployment\n");
        for (String[] args : List.of(new String[] {"build"}, new String[] {"validate", spec.toString()})) {
            for (Object[] c : List.of(new Object[] {madvise, plenty, true}, new Object[] {madvise, fragmented, false},
                    new Object[] {always, plenty, false}, new Object[] {madvise, root.resolve("no-buddyinfo"), false})) {
                Map<String, String> env = Map.of("FLINKOPS_JAVA_HOME", System.getProperty("java.home"),
                        "FLINKOPS_THP_FILE", c[0].toString(), "FLINKOPS_BUDDYINFO_FILE", c[1].toString());
                String[] r = run(env, args);
                assertEquals("0", r[0], r[1]);
                String jvm = r[1].lines().filter(l -> l.startsWith("jvm=")).findFirst().orElseThrow();
                assertEquals(c[2], jvm.contains("-XX:+UseTransparentHugePages"), String.join(" ", args) + " with " + c[0] + ", " + c[1] + ": " + jvm);
            }
        }
    }

    @Test
    void runsWhenInstalledAsASymbolicLink() throws Exception {
        Path link = Files.createDirectories(root.resolve("hooks")).resolve("pre-commit");
        Files.createSymbolicLink(link, root.resolve("flinkops"));
        String[] r = run(link, Map.of("FLINKOPS_JAVA_HOME", System.getProperty("java.home")), "validate", "x.yaml");
        assertEquals("0", r[0], r[1]);
        assertEquals(Runtime.version().feature() + " validate,x.yaml", r[1].lines().findFirst().orElseThrow());
    }

    @Test
    void aMissingJavaIsOneClearLineAndExitCode2() throws Exception {
        String[] r = run(Map.of("FLINKOPS_JAVA_HOME", root.resolve("no-such-jdk").toString()), "--version");
        assertEquals("2", r[0]);
        assertTrue(r[1].startsWith("flinkops: no Java runtime at "), r[1]);
        assertEquals(1, r[1].lines().count(), r[1]);
    }

    private static int release(Path home) {
        try {
            for (String line : Files.readAllLines(home.resolve("release"))) {
                if (line.startsWith("JAVA_VERSION=\"")) {
                    return Integer.parseInt(line.substring(14).split("[.\"]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }
}
