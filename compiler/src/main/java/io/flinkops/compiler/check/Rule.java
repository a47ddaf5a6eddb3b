package io.flinkops.compiler.check;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** What a rule is, in one place: the framework builds every diagnostic from this. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface Rule {
    /** Stable kebab-case id; suppressions and policy sets name it. */
    String id();

    Category category();

    Severity severity();

    /** One line, no trailing period. */
    String summary();

    /** Why the rule exists: what breaks in the cluster without it. */
    String rationale();

    /** What to do, one or more sentences ending with a period. */
    String remediation();

    /** Parameters as {@code name=default: description}. */
    String[] parameters() default {};

    /** Former ids, still honoured by policy sets and exceptions. */
    String[] aliases() default {};
}
