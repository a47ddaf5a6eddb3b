package io.flinkops.compiler.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.generate.GeneratedUnit;
import io.flinkops.compiler.generate.Origin;
import io.flinkops.compiler.model.Egress;
import io.flinkops.compiler.model.SpecKind;
import io.flinkops.compiler.source.FileSystemTree;
import io.flinkops.compiler.yaml.SourceMap;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A pack reads back what was packed, node types included; one that is damaged, or from other code, is not used. */
class ContextPacksTest {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String FILE = "environments/dev/job.yaml";
    private static final String ENV_FILE = "environments/dev/environment.yaml";

    @TempDir
    Path dir;

    private GeneratedUnit unit() {
        ObjectNode object = NODES.objectNode().put("apiVersion", "flink.apache.org/v1beta1").put("kind", "FlinkDeployment");
        object.putObject("metadata").put("name", "job").put("namespace", "analytics");
        ObjectNode spec = object.putObject("spec");
        spec.put("int", 7).put("long", 1L << 40).put("big", new BigInteger("123456789012345678901234567890"))
                .put("double", 0.5).put("whole", 1.0).put("yes", true).putNull("nothing").put("text", "a\n---\nb: \"c\"");
        spec.putArray("list").add(1).addObject().put("k", "v");
        SourceMap at = SourceMap.at(SourceLocation.start(FILE));
        EmittedObject workload = new EmittedObject("dev", "analytics", object, Origin.of(at, ""));
        return new GeneratedUnit(FILE, at, SpecKind.FLINK_JOB, "analytics", "job", null, true,
                List.of(new Egress("kafka", "10.0.0.0/16", null, List.of(9092, 9093), "TCP", "/spec/egress/0")), workload);
    }

    /** The environment folder with the spec file, as a tree. */
    private FileSystemTree specFolder() throws Exception {
        Files.createDirectories(dir.resolve("environments/dev"));
        Files.writeString(dir.resolve(FILE), "kind: FlinkJob\n");
        return new FileSystemTree(dir);
    }

    /** Packs the unit as the spec file's, and reads the pack back. */
    private static ContextPacks.Pack packAndRead(ContextPacks packs, FileSystemTree tree, GeneratedUnit unit) {
        packs.write("dev", "key-1", tree, ENV_FILE, Optional.empty(), Map.of(FILE, List.of("FlinkDeployment/analytics/job")), List.of(unit));
        return packs.read("dev", tree).orElseThrow();
    }

    @Test
    void whatIsPackedReadsBack() throws Exception {
        FileSystemTree tree = specFolder();
        ContextPacks packs = new ContextPacks(dir.resolve("build/cache/context"));
        GeneratedUnit unit = unit();
        ContextPacks.Pack pack = packAndRead(packs, tree, unit);
        assertEquals("key-1", pack.key());
        ContextPacks.PackedFile file = pack.files().get(FILE);
        assertEquals(List.of("FlinkDeployment/analytics/job"), file.keys());
        GeneratedUnit back = file.units().get(0);
        assertEquals(unit.workload().object(), back.workload().object());
        assertEquals(unit.workload().object().toString(), back.workload().object().toString(), "the same node types");
        assertEquals(List.of(unit.kind(), unit.namespace(), unit.name(), unit.nativeMode(), unit.egress(), unit.workload().root(), unit.workload().environment()),
                List.of(back.kind(), back.namespace(), back.name(), back.nativeMode(), back.egress(), back.workload().root(), back.workload().environment()));
        assertEquals(FILE, back.workload().origin().locate("/spec/int").file());

        assertEquals(Set.of(), pack.notAsPacked(tree, List.of(FILE), Set.of()));
        Files.writeString(dir.resolve(FILE), "kind: FlinkJob \n");
        assertEquals(Set.of(FILE), pack.notAsPacked(tree, List.of(FILE), Set.of()), "a changed file");
        assertEquals(Set.of(), pack.notAsPacked(tree, List.of(FILE), Set.of(FILE)), "unless it is parsed anyway");
        assertEquals(Set.of("environments/dev/new.yaml"), pack.notAsPacked(tree, List.of("environments/dev/new.yaml"), Set.of()),
                "an added file");
    }

    /** A packed object is parsed when first read whole; its identity and Flink configuration are at hand before. */
    @Test
    void aPackedObjectIsParsedWhenFirstReadWhole() throws Exception {
        FileSystemTree tree = specFolder();
        ContextPacks packs = new ContextPacks(dir.resolve("context"));
        GeneratedUnit unit = unit();
        unit.workload().object().with("spec").putObject("flinkConfiguration").put("state.checkpoints.dir", "s3://b/c");
        EmittedObject back = packAndRead(packs, tree, unit).files().get(FILE).units().get(0).workload();
        assertFalse(back.parsed());
        assertEquals(unit.workload().identity(), back.identity());
        assertEquals("FlinkDeployment/analytics/job", back.id());
        assertEquals(unit.workload().flinkConfiguration(), back.flinkConfiguration());
        assertFalse(back.parsed());
        assertEquals(unit.workload().object(), back.object());
        assertTrue(back.parsed());

        // a configuration with other values than strings (a raw resource's, as written) keeps their types
        GeneratedUnit typed = unit();
        typed.workload().object().with("spec").putObject("flinkConfiguration").put("parallelism.default", 4).put("on", true)
                .putObject("nested").put("k", 1.5);
        EmittedObject typedBack = packAndRead(packs, tree, typed).files().get(FILE).units().get(0).workload();
        assertEquals(typed.workload().flinkConfiguration().toString(), typedBack.flinkConfiguration().toString());
        assertFalse(typedBack.parsed());

        Path pack = dir.resolve("context/dev.pack");
        byte[] bytes = Files.readAllBytes(pack);
        bytes[bytes.length - 3] ^= 1; // in the objects, past the header
        Files.write(pack, bytes);
        assertEquals(Optional.empty(), packs.read("dev", tree), "objects that are not as written");
    }

    @Test
    void aDamagedPackOrAnEnvironmentNameThatIsNoFileNameIsNotUsed() throws Exception {
        Path packs = Files.createDirectories(dir.resolve("context"));
        Files.writeString(packs.resolve("dev.pack"), "flinkops-context-v3 200 0\nshort");
        assertEquals(Optional.empty(), new ContextPacks(packs).read("dev", new FileSystemTree(dir)));
        Files.writeString(packs.resolve("dev.pack"), "flinkops-context-v2 2\n{}");
        assertEquals(Optional.empty(), new ContextPacks(packs).read("dev", new FileSystemTree(dir)));
        assertEquals(Optional.empty(), new ContextPacks(packs).read("../dev", new FileSystemTree(dir)));
        try (java.io.RandomAccessFile huge = new java.io.RandomAccessFile(packs.resolve("big.pack").toFile(), "rw")) {
            huge.setLength(300L * 1024 * 1024); // sparse: over the 256 MiB a pack may have, never read
        }
        assertEquals(Optional.empty(), new ContextPacks(packs).read("big", new FileSystemTree(dir)));
    }

    /** A pack read ahead (as the CLI does while it starts) is the pack a later read returns; one that does not read is none, at once. */
    @Test
    void aPackReadAheadIsTheOneReadLater() throws Exception {
        Files.createDirectories(dir.resolve("environments/dev"));
        Files.writeString(dir.resolve(FILE), "kind: FlinkJob\n");
        ContextPacks packs = new ContextPacks(dir.resolve(ResultCache.FOLDER).resolve(ContextPacks.FOLDER));
        FileSystemTree tree = new FileSystemTree(dir);
        packs.write("dev", "key-1", tree, ENV_FILE, Optional.empty(), Map.of(FILE, List.of("FlinkDeployment/analytics/job")), List.of(unit()));
        ContextPacks.prefetch(dir, "dev");
        ContextPacks.Pack pack = packs.read("dev", tree).orElseThrow();
        assertEquals("key-1", pack.key());
        assertEquals(unit().workload().object(), pack.files().get(FILE).units().get(0).workload().object());

        Files.writeString(ContextPacks.file(dir, "dev"), "[".repeat(100_000)); // no pack
        ContextPacks.prefetch(dir, "dev");
        assertEquals(Optional.empty(), packs.read("dev", tree));
        assertEquals(Optional.empty(), packs.read("dev", tree), "and so without reading ahead");
    }

    /** While its folder's stamp says no entry changed, a pack gives the folder's listing; an added file, or a subfolder, makes a walk tell. */
    @Test
    void thePackListsTheFolderWhileNoEntryChanged() throws Exception {
        Files.createDirectories(dir.resolve("environments/dev"));
        Files.writeString(dir.resolve(FILE), "kind: FlinkJob\n");
        Files.writeString(dir.resolve(ENV_FILE), "kind: Environment\n");
        FileSystemTree tree = new FileSystemTree(dir, 0);
        ContextPacks packs = new ContextPacks(dir.resolve("context"));
        Optional<String> before = tree.folderStamp("environments/dev");
        assertTrue(before.isPresent());
        packs.write("dev", "key-1", tree, ENV_FILE, before, Map.of(FILE, List.of("FlinkDeployment/analytics/job")), List.of(unit()));
        assertEquals(Optional.of(List.of(ENV_FILE, FILE)), packs.read("dev", tree).orElseThrow().listing());

        Thread.sleep(50); // past the file system clock's tick, so that the folder's times move
        Files.writeString(dir.resolve("environments/dev/new.yaml"), "kind: FlinkJob\n");
        assertEquals(Optional.empty(), packs.read("dev", tree).orElseThrow().listing());
        Files.delete(dir.resolve("environments/dev/new.yaml"));
        Files.createDirectories(dir.resolve("environments/dev/nested"));
        assertEquals(Optional.empty(), tree.folderStamp("environments/dev"), "a folder holding a folder has no stamp");

        Files.delete(dir.resolve("environments/dev/nested"));
        Optional<String> listed = tree.folderStamp("environments/dev");
        Thread.sleep(50);
        Files.writeString(dir.resolve("environments/dev/late.yaml"), "kind: FlinkJob\n"); // after the listing, before the write
        packs.write("dev", "key-1", tree, ENV_FILE, listed, Map.of(FILE, List.of("FlinkDeployment/analytics/job")), List.of(unit()));
        assertEquals(Optional.empty(), packs.read("dev", tree).orElseThrow().listing(), "a listing the folder changed after is not kept");
    }

    @Test
    void fingerprintsTellContentsApart() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "parallelism: 4\n");
        Files.writeString(dir.resolve("b.yaml"), "parallelism: 8\n");
        FileSystemTree tree = new FileSystemTree(dir);
        assertNotEquals(ContextPacks.fingerprint(tree, "a.yaml"), ContextPacks.fingerprint(tree, "b.yaml"));
        assertEquals("absent", ContextPacks.fingerprint(tree, "c.yaml"));
    }
}
