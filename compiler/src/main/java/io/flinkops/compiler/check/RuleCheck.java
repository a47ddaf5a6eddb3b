package io.flinkops.compiler.check;

import java.util.Optional;

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

    /**
     * Why a policy set's value for one of this rule's parameters cannot work, if it cannot. Checked
     * when the policy set loads, so a wrong value is one finding on its line, not one per object.
     */
    public Optional<String> invalidParameter(String name, String value) {
        return Optional.empty();
    }

    /** For {@link #invalidParameter}: a comma-separated list with no empty item. */
    protected static Optional<String> invalidList(String value, String of) {
        for (String item : value.split(",", -1)) {
            if (item.isBlank()) {
                return Optional.of("'" + value + "' is not a comma-separated list of " + of);
            }
        }
        return Optional.empty();
    }

    /** For {@link #invalidParameter}: a number above zero. */
    protected static Optional<String> invalidPositive(String value) {
        try {
            double d = Double.parseDouble(value.trim());
            return d > 0 && Double.isFinite(d) ? Optional.empty() : Optional.of("'" + value + "' is not a number above zero");
        } catch (NumberFormatException e) {
            return Optional.of("'" + value + "' is not a number");
        }
    }
}
