package io.flinkops.compiler.check;

/**
 * A rule's logic. A rule looks at one emitted object, or at a whole environment for rules that
 * compare objects, and reports only where and what; the framework adds everything else.
 */
public abstract class RuleCheck {
    private final RuleInfo info;

    protected RuleCheck() {
        this.info = RuleInfo.of(getClass());
    }

    /** For rules defined as data (custom rules in policy sets) rather than as annotated classes. */
    protected RuleCheck(RuleInfo info) {
        this.info = info;
    }

    public final RuleInfo info() {
        return info;
    }

    public void checkObject(CheckTarget target, Reporter reporter) {}

    public void checkEnvironment(EnvironmentView environment, Reporter reporter) {}
}
