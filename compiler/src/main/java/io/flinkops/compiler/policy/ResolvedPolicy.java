package io.flinkops.compiler.policy;

import io.flinkops.compiler.check.Checker;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.check.RuleSettings;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policy of one environment after its sets are merged in order: per-rule settings, the
 * exceptions granted (and which of them a run used), and the custom rules.
 */
public final class ResolvedPolicy {
    private final String environment;
    private final Map<String, RuleSettings> settings;
    private final List<PolicyException> exceptions;
    private final List<RuleCheck> customRules;
    private final Set<PolicyException> used = ConcurrentHashMap.newKeySet();
    private final boolean advisory;

    public ResolvedPolicy(String environment, Map<String, RuleSettings> settings, List<PolicyException> exceptions, List<RuleCheck> customRules) {
        this(environment, settings, exceptions, customRules, false);
    }

    private ResolvedPolicy(String environment, Map<String, RuleSettings> settings, List<PolicyException> exceptions,
            List<RuleCheck> customRules, boolean advisory) {
        this.environment = environment;
        this.settings = settings;
        this.exceptions = exceptions;
        this.customRules = customRules;
        this.advisory = advisory;
    }

    /**
     * For resources that no environment holds (a raw manifest checked without --env): the built-in
     * policies at their defaults, as advice. No policy set was written for them, so a policy finding is
     * at most a warning, and an error says what the cluster itself would refuse (the CRD schema, the
     * operator's admission checks); --env NAME judges them by that environment's policy sets instead.
     */
    public static ResolvedPolicy advisory() {
        return new ResolvedPolicy("", Map.of(), List.of(), List.of(), true);
    }

    /** The built-in policies at their defaults, severities included (raw resources under --enforce-policies). */
    public static ResolvedPolicy builtIn() {
        return new ResolvedPolicy("", Map.of(), List.of(), List.of(), false);
    }

    public RuleSettings settings(RuleInfo info) {
        RuleSettings s = settings.get(info.id());
        if (s == null) {
            for (String alias : info.aliases()) {
                s = settings.get(alias);
                if (s != null) {
                    break;
                }
            }
        }
        RuleSettings out = s != null ? s : RuleSettings.defaults(info);
        if (advisory && info.category() == Category.POLICY && out.severity() == Severity.ERROR) {
            return new RuleSettings(out.enabled(), Severity.WARNING, out.parameters());
        }
        return out;
    }

    public List<RuleCheck> customRules() {
        return customRules;
    }

    public List<PolicyException> exceptions() {
        return exceptions;
    }

    public Set<PolicyException> used() {
        return Collections.unmodifiableSet(used);
    }

    public Checker.Suppressor suppressor() {
        return (rule, object) -> {
            for (PolicyException e : exceptions) {
                if ((e.rule().equals(rule.id()) || rule.aliases().contains(e.rule()))
                        && e.matches(e.rule(), environment, object.namespace(), object.name())) {
                    used.add(e);
                    return true;
                }
            }
            return false;
        };
    }
}
