package io.flinkops.compiler.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

/** The Argo CD Lua health checks, run by a Lua interpreter against operator status fixtures. */
class HealthCheckTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no status yet                      | {spec: {job: {state: running}}}                                                                                  | Progressing
            stable and running                 | {spec: {job: {state: running}}, status: {lifecycleState: STABLE, jobManagerDeploymentStatus: READY, jobStatus: {state: RUNNING}}} | Healthy
            deployed, not yet stable           | {spec: {job: {state: running}}, status: {lifecycleState: DEPLOYED, jobStatus: {state: RUNNING}}}    | Progressing
            job failed while lifecycle stable  | {spec: {job: {state: running}}, status: {lifecycleState: STABLE, jobStatus: {state: FAILED}}}       | Degraded
            job restarting                     | {spec: {job: {state: running}}, status: {lifecycleState: STABLE, jobStatus: {state: RESTARTING}}}   | Degraded
            lifecycle failed                   | {spec: {job: {state: running}}, status: {lifecycleState: FAILED, error: "NoResourceAvailableException"}} | Degraded
            jobmanager deployment error        | {spec: {job: {state: running}}, status: {lifecycleState: DEPLOYED, jobManagerDeploymentStatus: ERROR}} | Degraded
            rolled back                        | {spec: {job: {state: running}}, status: {lifecycleState: ROLLED_BACK, jobStatus: {state: RUNNING}}} | Degraded
            suspended by spec                  | {spec: {job: {state: suspended}}, status: {lifecycleState: SUSPENDED, jobStatus: {state: FINISHED}}} | Suspended
            suspending                         | {spec: {job: {state: suspended}}, status: {lifecycleState: UPGRADING, jobStatus: {state: CANCELED}}} | Suspended
            upgrading                          | {spec: {job: {state: running}}, status: {lifecycleState: UPGRADING, jobStatus: {state: RECONCILING}}} | Progressing
            reconcile error without failure    | {spec: {job: {state: running}}, status: {lifecycleState: DEPLOYED, error: "Validation failed"}}      | Degraded
            session cluster stable             | {spec: {}, status: {lifecycleState: STABLE, jobManagerDeploymentStatus: READY}}                   | Healthy
            """)
    void flinkDeployment(String name, String object, String expected) throws Exception {
        assertEquals(expected, health("health-flinkdeployment.lua", object));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            no status yet          | {spec: {job: {state: running}}}                                                                | Progressing
            running                | {spec: {job: {state: running}}, status: {lifecycleState: STABLE, jobStatus: {state: RUNNING}}} | Healthy
            failed                 | {spec: {job: {state: running}}, status: {lifecycleState: STABLE, jobStatus: {state: FAILED}}}  | Degraded
            restarting             | {spec: {job: {state: running}}, status: {lifecycleState: DEPLOYED, jobStatus: {state: RESTARTING}}} | Degraded
            suspended              | {spec: {job: {state: suspended}}, status: {lifecycleState: SUSPENDED}}                         | Suspended
            submission error       | {spec: {job: {state: running}}, status: {lifecycleState: UPGRADING, error: "jar not found"}}   | Degraded
            """)
    void flinkSessionJob(String name, String object, String expected) throws Exception {
        assertEquals(expected, health("health-flinksessionjob.lua", object));
    }

    static String health(String script, String objectYaml) throws Exception {
        Globals globals = JsePlatform.standardGlobals();
        globals.set("obj", toLua(YAML.readTree(objectYaml)));
        LuaValue result = globals.load(ArgoGenerator.lua(script), script).call();
        return result.get("status").tojstring();
    }

    private static LuaValue toLua(JsonNode n) {
        if (n.isObject()) {
            LuaTable t = new LuaTable();
            n.properties().forEach(e -> t.set(e.getKey(), toLua(e.getValue())));
            return t;
        }
        if (n.isArray()) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < n.size(); i++) {
                t.set(i + 1, toLua(n.get(i)));
            }
            return t;
        }
        if (n.isBoolean()) {
            return LuaValue.valueOf(n.booleanValue());
        }
        if (n.isNumber()) {
            return LuaValue.valueOf(n.doubleValue());
        }
        return n.isNull() ? LuaValue.NIL : LuaValue.valueOf(n.asText());
    }
}
