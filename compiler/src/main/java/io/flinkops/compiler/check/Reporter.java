package io.flinkops.compiler.check;

import io.flinkops.compiler.generate.EmittedObject;

/** How a rule reports: a JSON pointer into the emitted object and a message. */
public interface Reporter {

    /** A finding on the object being checked. */
    void report(String pointer, String message);

    /** A finding on another object (environment-wide rules). */
    void report(EmittedObject object, String pointer, String message);

    /** A parameter of the rule, from the policy set or the rule's default. */
    String param(String name);

    default long longParam(String name) {
        return Long.parseLong(param(name).trim());
    }
}
