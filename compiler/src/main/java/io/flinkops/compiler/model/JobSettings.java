package io.flinkops.compiler.model;

import java.util.List;

/** The job part of a spec: what to run and how to upgrade it. */
public record JobSettings(
        String jarURI, String entryClass, List<String> args, int parallelism, String upgradeMode,
        String state, String initialSavepointPath, Boolean allowNonRestoredState, Long savepointTriggerNonce) {

    public boolean stateful() {
        return !"stateless".equals(upgradeMode);
    }
}
