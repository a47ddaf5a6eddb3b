package io.flinkops.compiler.policy;

import io.flinkops.compiler.check.Checker;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.check.RuleInfo;
import io.flinkops.compiler.check.RuleSettings;
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

    public ResolvedPolicy(String environment, Map<String, RuleSettings> settings, List<PolicyException> exceptions, List<RuleCheck> customRules) {
        this.environment = environment;
        this.settings = settings;
        this.exceptions = exceptions;
        this.customRules = customRules;
    }

    public static ResolvedPolicy defaults(String environment) {
        return new ResolvedPolicy(environment, Map.of(), List.of(), List.of());
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
        return s != null ? s : RuleSettings.defaults(info);
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
