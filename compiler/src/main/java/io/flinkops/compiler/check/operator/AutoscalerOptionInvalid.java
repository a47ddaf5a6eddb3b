package io.flinkops.compiler.check.operator;

import io.flinkops.compiler.check.CheckTarget;
import io.flinkops.compiler.check.FlinkConf;
import io.flinkops.compiler.check.FlinkValues;
import io.flinkops.compiler.check.OperatorKeys;
import io.flinkops.compiler.check.Reporter;
import io.flinkops.compiler.check.Rule;
import io.flinkops.compiler.check.RuleCheck;
import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.Optional;

@Rule(
        id = "operator-autoscaler-option-invalid",
        category = Category.OPERATOR,
        severity = Severity.ERROR,
        summary = "With the autoscaler on, its factors and utilization targets are non-negative numbers and its excluded periods parse",
        rationale = "When job.autoscaler.enabled is true the operator rejects scale-up and scale-down factors and "
                + "utilization targets that are negative or not numbers, and an enabled flag that is not a boolean; "
                + "from operator 1.8 on also job.autoscaler.excluded.periods entries that are neither a daily range "
                + "(9:00-17:00) nor a Quartz cron expression (seconds first: a five-field Unix cron is refused), or that "
                + "join anything but one of each with &&.",
        remediation = "Give the autoscaler options numbers of 0 or more, for example job.autoscaler.target.utilization: \"0.7\"; "
                + "write excluded periods as 9:00-17:00 or a Quartz cron such as * * 9-17 ? * MON-FRI.")
public final class AutoscalerOptionInvalid extends RuleCheck {
    private static final String[] NUMBERS = {
        "scale-down.max-factor", "scale-up.max-factor", "target.utilization", "target.utilization.boundary"};

    @Override
    public void checkObject(CheckTarget t, Reporter r) {
        FlinkConf conf;
        if (t.isDeployment()) {
            conf = t.conf();
        } else if (t.isSessionJob() && t.sessionCluster().isPresent()) {
            conf = t.admissionConf();
        } else {
            return;
        }
        Optional<String> enabled = conf.get(OperatorKeys.AUTOSCALER_ENABLED);
        if (enabled.isEmpty()) {
            return;
        }
        String enabledAt = at(t, conf, OperatorKeys.AUTOSCALER_ENABLED);
        Optional<Boolean> on = FlinkValues.bool(enabled.get());
        if (on.isEmpty()) {
            r.report(enabledAt, "job.autoscaler.enabled is '" + enabled.get() + "', not true or false");
            return;
        }
        if (!on.get()) {
            return;
        }
        for (String suffix : NUMBERS) {
            String[] keys = OperatorKeys.autoscaler(suffix);
            Optional<String> value = conf.get(keys);
            if (value.isEmpty()) {
                continue;
            }
            Optional<Double> number = FlinkValues.number(value.get());
            if (number.isEmpty()) {
                r.report(at(t, conf, keys), "autoscaler option " + keys[0] + " is '" + value.get() + "', not a number");
            } else if (number.get() < 0) {
                r.report(at(t, conf, keys), "autoscaler option " + keys[0] + " is " + value.get() + ", it must be 0 or more");
            }
        }
        String[] periods = OperatorKeys.autoscaler("excluded.periods");
        Optional<String> excluded = conf.get(periods);
        if (t.operatorAtLeast(1, 8) && excluded.isPresent()) {
            ExcludedPeriods.problem(excluded.get()).ifPresent(problem ->
                    r.report(at(t, conf, periods), "autoscaler option " + periods[0] + ": " + problem));
        }
    }

    private static String at(CheckTarget t, FlinkConf conf, String[] keys) {
        String key = conf.keyOf(keys).orElse(keys[0]);
        return t.isSessionJob() && !t.conf().asMap().containsKey(key) ? "/spec/deploymentName" : conf.pointer(key, "/spec/flinkConfiguration");
    }
}
