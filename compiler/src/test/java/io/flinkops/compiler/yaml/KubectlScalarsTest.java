package io.flinkops.compiler.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.flinkops.compiler.diagnostic.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader against the real kubectl: every scalar below, as a value and as a key, is read by
 * {@code kubectl label --local} (its YAML reader, go-yaml v2, then JSON, with no cluster) and by
 * flinkops; both must refuse it, or both read the same JSON. This is what decides what the API server
 * receives, so it is what the checks must judge.
 */
class KubectlScalarsTest {
    private static final List<String> SCALARS = List.of(
            "0", "-0", "+1", "007", "0o7", "0x1f", "0X1F", "0b11", "0B11", "1_000", "1__0", "_1", "1_",
            "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
            "18446744073709551616", "1e3", "1E3", "1.5e+3", "1.5e-3", ".5", "5.", "-.5", "1.0", "1_0.5", "1:30",
            "-1:30", "190:20:30", "1:60", ".inf", "-.Inf", "+.inf", ".NAN", ".nan", ".NaN", "1e400", "-1e400",
            "0.1e-400", "y", "Y", "yes", "Yes", "YES", "yEs", "n", "N", "no", "No", "NO", "on", "On", "ON", "off",
            "Off", "OFF", "true", "True", "TRUE", "tRUE", "false", "False", "FALSE", "~", "null", "Null", "NULL",
            "nUll", "", "2001-12-14", "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-1-1",
            "2001-12-14T21:59:43Z", "2001-12-14 21:59:43", "=", "<<", "0.", "-", "+", ".", "0b", "0x", "1e", "12e03",
            "0777", "08", "09", "0_8", "01_7", "0o", "0x_1", "0b_1", "0x1_F", "-0x1F", "+0x1F", "-0b11", "-0o7",
            "1,000", "$1", "1.2.3", "0.0", "-0.0", "00", "+0", "0e0", "0123456789", "0.1_2", "!!str 1",
            "!!int \"1\"", "!!int 1.5", "!!float 1", "!!float \"1\"", "!!bool yes", "!!bool \"true\"", "!!null x",
            "!!null \"\"", "!!binary aGk=", "!!binary a$b", "!!timestamp 2001-12-14", "!custom 1", "!custom yes",
            "!<tag:yaml.org,2002:int> 3", "!!int 0x10", "!!int 010", "!!float .5", "!!float 1:30", "!!int 1_000",
            "!!bool on", "!!bool y", ".5_0", "0x1p3", "1e+3", "+.5", "-.5e-3", "0O17", "+0o17", "1.e3", "١٢", "0x１",
            "1e6", "1e-5", "0.0001", "123456789", "1.23456789", "3.0", "1e21", "100000", "1000000", "-1e6", "0.5",
            "1.5e300", "\"0o7\"", "'yes'", "! \"12\"", "!!float .inf", "! 12", "! true", "! ~", "! 1.5", "!custom 0x1F",
            "\"a\\Nb\"", "\"\\x41\"", "\"\\u00e9\\U0001F600\"", "\"\\_\\L\\P\"", "\"\\e\\a\\0\"", "\"\\/\"", "\"a\\\n  b\"");

    /** Mapping bodies (under {@code spec:}) whose meaning rests on more than one scalar: merge keys above all. */
    private static final List<String> BODIES = List.of(
            "  a: 1\n  <<: {a: 2, b: 3}\n  b: 4\n",
            "  <<: {a: 2}\n  a: 1\n",
            "  <<: [{a: 1}, {a: 2, b: 2}]\n",
            "  <<: [{a: 1}, {a: 2, b: 2}]\n  b: 3\n",
            "  <<: {a: 1}\n  <<: {a: 2, b: 2}\n",
            "  <<: [1]\n",
            "  <<: 1\n",
            "  <<: [{a: 1}, [2]]\n",
            "  <<: ~\n",
            "  <<: []\n",
            "  <<: {}\n  a: 1\n",
            "  \"<<\": {a: 1}\n",
            "  ! <<: {a: 1}\n  b: ! 010\n",
            "  a: &x {b: 1, c: 2}\n  d:\n    <<: *x\n    c: 3\n",
            "  a: &x {b: 1}\n  d: {<<: [*x, {b: 2, e: 5}], b: 9}\n");

    /** Lines after a one-key body: kubectl cuts documents at every line starting with ---, directives included. */
    private static final List<String> SEPARATORS = List.of(
            "--- {x: 1}", "--- |", "----", "---foo", "---  # c", "---   ", "--- #c", "---#c", "--- !!map", "---\t",
            "---\tx", "--- \u00a0", "--- \u00a0x", "--- \u3000", "---\r", "...", "... # end", "...\n---",
            "--- a: 1", "  ---x", "---\n--- x", "---\n---", "---#c\u2028x", "--- # a: b", "---\u0085x", "---\u2028",
            "---\r\n# after", "---\n%YAML 1.1\n---", "...\n%YAML 1.1\n---", "---\n# c\n\n%TAG ! tag:x.org,2000:\n---",
            "---\n%FOO bar\n---", "...\n%YAML 1.2\n---");

    /** Bodies with tabs: go-yaml takes a tab between tokens, not in indentation nor after - or ?. */
    private static final List<String> TABS = List.of(
            "  a:\t1\n", "  a:\t\t1\n", "  a: \t1\n", "  a:\t 1\n", "  a:\t\n    b: 1\n", "  a: [1,\t2]\n", "  a: {b:\t1}\n",
            "  a: {b: 1,\tc: 2}\n", "  a: [\t1]\n", "  a:\t[1]\n", "  a:\t|\n    x\n", "  a:\t&x 1\n", "  a: &x\t1\n",
            "  a: !!str\t1\n", "  a:\n  -\tb\n", "  a:\n  - b\n  -\t- c\n", "  ?\ta\n  :\tb\n", "  a: 1\n\t\n", "  a: 1\n \t\n",
            "  a:\n\t b: 1\n", "  a:\n \tb: 1\n", "  a: \"x\"\t\n", "  a: 'x'\t# c\n", "  a: x\t\n", "  a\t: 1\n", "  \"a\"\t: 1\n",
            "  a: [1\t,2]\n", "  a: {b\t: 1}\n", "  a:\t\"x\ty\"\n", "  a:\t'x,\ty'\n", "  a:\tx\ty\n", "  a:\n  - b:\t1\n",
            "  a:\n  -\tb: 1\n    c: 2\n", "  a: >\n    x\n  b:\t1\n", "  a: {\tb: 1}\n", "  a: [1, \t2]\n", "  a:\t# c\n    b: 1\n",
            "  a:\t{b: 1}\n", "  a: -\t1\n", "  a:\t-1\n", "  a:\t1\n  b:\t2\n  c:\t[3,\t4]\n", "  a: [-\t1]\n", "  a:\t? b\n",
            "  a:\t\t\t\n  b: 1\n", "  a: |\n    x:\ty\n  b:\t2\n",
            "  a:\t\"x:\ty\"\n  b:\t'p,\tq'\n  c: !!str\t1\n  d: &d\t{e:\t[1,\t2]}\n  f:\t*d\n");

    @TempDir
    Path dir;

    @Test
    void everyScalarReadsAsKubectlReadsIt() throws Exception {
        Map<String, String> cases = new HashMap<>();
        for (int i = 0; i < SCALARS.size(); i++) {
            String s = SCALARS.get(i);
            cases.put(String.format("c%03dv", i), configMap(String.format("c%03dv", i), "  v: " + s + "\n"));
            if (!s.isEmpty() && !s.equals("-")) {
                cases.put(String.format("c%03dk", i), configMap(String.format("c%03dk", i), "  " + s + ": k\n"));
            }
        }
        assertEquals(List.of(), differences(cases, name -> SCALARS.get(Integer.parseInt(name.substring(1, 4)))));
    }

    @Test
    void everyMergeReadsAsKubectlReadsIt() throws Exception {
        assertEquals(List.of(), differences(BODIES, 'm', body -> body));
    }

    @Test
    void everySeparatorIsCutAsKubectlCutsIt() throws Exception {
        assertEquals(List.of(), differences(SEPARATORS, 's', line -> "  a: 1\n" + line + "\n"));
    }

    /** Whole files (NAME is the object's name): from a '{' on, kubectl reads a file as a stream of JSON objects. */
    private static final List<String> JSON_FILES = List.of(
            "{apiVersion: v1, kind: ConfigMap, metadata: {name: NAME}}\n",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"n\": 1.0, \"m\": 1e2, \"b\": 18446744073709551616}}",
            "  \n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}}\n---\napiVersion: v1\n",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"t\": \"a\tb\"}}",
            "# c\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"y\": yes}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"y\": 0x10}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}}\n{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"s\": \"\\u00e9\\n\", \"e\": [], \"o\": {}, \"z\": null, \"f\": -0.5, \"t\": true}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"n\": 01}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"n\": 1,}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}} // c",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"n\": NaN}}",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {'n': 1}}",
            "\t{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"n\": 1e400}}",
            "[{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}}]",
            "{\"apiVersion\": \"v1\", \"kind\": \"ConfigMap\", \"metadata\": {\"name\": \"NAME\"}, \"spec\": {\"n\": 1.5e300, \"m\": 123456789012345678901234}}");

    @Test
    void everyJsonFileReadsAsKubectlReadsIt() throws Exception {
        assertEquals(List.of(), differences(JSON_FILES, 'j', file -> file));
    }

    @Test
    void everyTabReadsAsKubectlReadsIt() throws Exception {
        assertEquals(List.of(), differences(TABS, 't', body -> body));
    }

    @Test
    void randomBodiesReadAsKubectlReadsThem() throws Exception {
        // kubectl keeps the last of two equal keys; flinkops refuses them, as the API server's strict reading does
        List<String> differences = differences(randomBodies(new java.util.Random(20261202), 1000), 'r', body -> body);
        differences.removeIf(d -> d.contains("flinkops refused: duplicate key"));
        assertEquals(List.of(), differences);
    }

    /** Mappings of a few entries, each built of pieces where readers have been seen to part ways. */
    static List<String> randomBodies(java.util.Random random, int count) {
        String[] keys = {"a", "\"b\"", "'c'", "y", "010", "d e", "f#g", "h:i", "? j", "k\t", "-l", "<<", "\u00e9", "1.5", "true",
            "\"a\\tb\"", "[x]", "&k key", "!!str 9", "0x10", "~", "\"\"", "''", "a b  ", "\"y\""};
        String[] colons = {":", ": ", ":  ", ":\t", " :", "\t:"};
        String[] values = {"1", "0x1F", "2.0", "yes", "~", "\"q\\tr\"", "'s''t'", "u #v", "w\t# x", "[1, 2]", "[1,\t2]", "{m: 1}",
            "{m:\t1, n: [2]}", "&anc 3", "*anc", "!!str 4", "!!str\t5", "|\n    z\n", ">-\n    z\n\n    y\n", "\n    - 6\n    -\t7\n",
            "\n    n1: 8\n    n2:\t9\n", "\n  - 10\n", "-", "- 11", "\"multi\n    line\"", "plain\n    more", "@at", "%pct", "`bt", "!x 1",
            "0o7", "1e3", "''", "\"\"", "{<<: {p: 1}, p: 2}", "[a: 1]", "{? q}", "\n    <<: {p: 1}\n    p: 2\n",
            "{a: [b, {c: d}], e: f}", "[\n    1,\n    2\n  ]", "!!binary aGk=", "!!timestamp 2001-12-14", "2001-12-14", "\"\\u00e9\"",
            "\u00e9", "1:20", "Null", ".5", "+1", "\"a\n\n    b\"", "'a\n    b'", "|2-\n     x\n", "&anc {r: 1}", "[*anc, *anc]",
            "\n    <<: *anc\n    r: 2\n", "{a: 1} # c", "[1, 2]\t# c", "", "\t", "!!int \"7\"", "!!float 1", "'--- x'", "\"#\"",
            "x: y", "{a: 1, a: 2}", "[1, [2, [3]]]", "? x", "- - 1", "1 # c\n  # c2\n"};
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StringBuilder body = new StringBuilder();
            int entries = 1 + random.nextInt(3);
            for (int e = 0; e < entries; e++) {
                String value = values[random.nextInt(values.length)];
                body.append("  ").append(keys[random.nextInt(keys.length)]).append(colons[random.nextInt(colons.length)])
                        .append(value.startsWith("\n") ? value : value + "\n");
                if (random.nextInt(8) == 0) {
                    body.append(random.nextBoolean() ? "  # note\n" : "\n");
                }
            }
            bodies.add(body.toString().replace("*anc", body.indexOf("&anc") >= 0 ? "*anc" : "*none"));
        }
        return bodies;
    }

    /** A case of each entry, named by its index and kind, the entry made a body under spec. */
    private List<String> differences(List<String> entries, char kind, java.util.function.UnaryOperator<String> body) throws Exception {
        Map<String, String> cases = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String name = String.format("c%03d%c", i, kind);
            cases.put(name, kind == 'j' ? body.apply(entries.get(i)).replace("NAME", name) : configMap(name, body.apply(entries.get(i))));
        }
        return differences(cases, name -> entries.get(Integer.parseInt(name.substring(1, 4))));
    }

    private static String configMap(String name, String spec) {
        return "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: " + name + "\nspec:\n" + spec;
    }

    /** Each file, holding an object named by its key, read by kubectl and by flinkops. */
    private List<String> differences(Map<String, String> cases, java.util.function.Function<String, String> shown) throws Exception {
        Path folder = Files.createDirectory(dir.resolve("cases"));
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Files.writeString(folder.resolve(c.getKey() + ".yaml"), c.getValue());
        }
        KubectlReading kubectlRead = KubectlReading.of(folder, dir);
        Map<String, JsonNode> kubectl = new HashMap<>();
        kubectlRead.objects().forEach(o -> kubectl.put(o.path("metadata").path("name").asText(), o.path("spec")));
        Set<String> refused = kubectlRead.refused();
        Set<String> answered = new HashSet<>(refused); // a file can print its first objects and then be refused
        answered.addAll(kubectl.keySet());
        assertEquals(cases.keySet(), answered, "every case read or refused by kubectl:\n" + kubectlRead.errors());

        List<String> differences = new ArrayList<>();
        YamlReader reader = new YamlReader();
        for (String name : new java.util.TreeSet<>(cases.keySet())) {
            String mine;
            boolean iRefuse;
            JsonNode spec = null;
            try {
                JsonNode root = reader.read(name + ".yaml", Files.readAllBytes(folder.resolve(name + ".yaml"))).get(0).root();
                spec = root.path("spec");
                mine = root.isObject() ? spec.toString() : "refused: a document that is no mapping (the checks refuse it)";
                iRefuse = !root.isObject();
            } catch (InputException e) {
                mine = "refused: " + e.getMessage();
                iRefuse = true;
            }
            boolean same = iRefuse ? refused.contains(name)
                    : !refused.contains(name) && kubectl.containsKey(name) && spec.equals(KubectlScalarsTest::sameJson, kubectl.get(name));
            if (!same) {
                differences.add(name + " '" + shown.apply(name).replace("\n", "\\n").replace("\t", "\\t") + "': flinkops " + mine + ", kubectl "
                        + (refused.contains(name) ? "refuses it" : kubectl.get(name)));
            }
        }
        return differences;
    }

    /** kubectl prints numbers as JSON does, which does not tell 2.0 from 2 (nor does the API server). */
    private static int sameJson(JsonNode a, JsonNode b) {
        if (a.isNumber() && b.isNumber()) {
            return Double.compare(a.doubleValue(), b.doubleValue());
        }
        return a.equals(b) ? 0 : 1;
    }
}
