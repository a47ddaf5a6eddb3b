package io.flinkops.compiler.check;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Diagnostic;
import io.flinkops.compiler.diagnostic.SourceLocation;
import io.flinkops.compiler.generate.EmittedObject;
import io.flinkops.compiler.schema.BoundedPatterns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The check stage: runs every enabled rule of the selected categories over the emitted objects of
 * one environment (objects in parallel) and builds each diagnostic from the rule's metadata.
 */
public final class Checker {
    private final List<RuleCheck> rules;
    private final Set<Category> categories;

    public Checker(List<RuleCheck> rules, Set<Category> categories) {
        this.rules = rules;
        this.categories = categories;
    }

    /** Decides whether an exception in a policy set covers a finding of a rule on an object. */
    public interface Suppressor {
        Suppressor NONE = (rule, object) -> false;

        boolean suppressed(RuleInfo rule, EmittedObject object);
    }

    public List<Diagnostic> check(EnvironmentView view, Function<RuleInfo, RuleSettings> settings) {
        return check(view, settings, List.of(), Suppressor.NONE);
    }

    public List<Diagnostic> check(EnvironmentView view, Function<RuleInfo, RuleSettings> settings,
            List<RuleCheck> extraRules, Suppressor suppressor) {
        return check(view, settings, extraRules, suppressor, object -> true);
    }

    /**
     * Runs the per-object checks on the objects {@code checked} accepts (a rule reports only on the
     * object it checks), and the environment-wide checks over every object.
     */
    public List<Diagnostic> check(EnvironmentView view, Function<RuleInfo, RuleSettings> settings,
            List<RuleCheck> extraRules, Suppressor suppressor, Predicate<EmittedObject> checked) {
        List<RuleCheck> active = new ArrayList<>();
        Map<RuleCheck, RuleSettings> activeSettings = new HashMap<>();
        List<RuleCheck> all = new ArrayList<>(rules);
        all.addAll(extraRules);
        for (RuleCheck rule : all) {
            RuleSettings s = settings.apply(rule.info());
            if (categories.contains(rule.info().category()) && s.enabled()) {
                active.add(rule);
                activeSettings.put(rule, s);
            }
        }
        List<Diagnostic> out = Collections.synchronizedList(new ArrayList<>());
        view.objects().parallelStream().filter(checked).forEach(object -> {
            CheckTarget target = new CheckTarget(object, view);
            for (RuleCheck rule : active) {
                ObjectReporter reporter = new ObjectReporter(rule, activeSettings.get(rule), object, out, suppressor);
                try {
                    rule.checkObject(target, reporter);
                } catch (BoundedPatterns.TooSlow e) {
                    reporter.report("", "could not be checked by " + rule.info().id()
                            + ": one of its patterns backtracks too long on a value (such as ^(.*a){12}$ on a long run of a)");
                } catch (RuntimeException e) {
                    // A rule must never take the run down; the object's shape is reported by the schema check.
                    reporter.report("", "could not be checked by " + rule.info().id() + " (" + e.getClass().getSimpleName()
                            + "); the object's own shape is likely wrong, see the schema findings");
                } catch (StackOverflowError e) {
                    // Java's regular expressions recurse per repetition: a pattern such as ^(a|b)+$ (a custom
                    // rule's, say) overflows on a value of some 100 KB
                    reporter.report("", "could not be checked by " + rule.info().id()
                            + ": a value is too long for one of its patterns, or too deep for its schema's $ref chain (the stack overflowed)");
                }
            }
        });
        for (RuleCheck rule : active) {
            rule.checkEnvironment(view, new ObjectReporter(rule, activeSettings.get(rule), null, out, suppressor));
        }
        return new ArrayList<>(out);
    }

    private static final class ObjectReporter implements Reporter {
        private final RuleCheck rule;
        private final RuleSettings settings;
        private final EmittedObject object;
        private final List<Diagnostic> out;
        private final Suppressor suppressor;

        ObjectReporter(RuleCheck rule, RuleSettings settings, EmittedObject object, List<Diagnostic> out, Suppressor suppressor) {
            this.suppressor = suppressor;
            this.rule = rule;
            this.settings = settings;
            this.object = object;
            this.out = out;
        }

        @Override
        public void report(String pointer, String message) {
            if (object == null) {
                throw new IllegalStateException(rule.info().id() + " reported without an object");
            }
            report(object, pointer, message);
        }

        @Override
        public void report(EmittedObject target, String pointer, String message) {
            if (object != null && target != object) {
                // what lets a run check some objects only (Compiler.compile's checkedFiles)
                throw new IllegalStateException(rule.info().id() + " reported on another object than the one it checks");
            }
            RuleInfo info = rule.info();
            if (suppressor.suppressed(info, target)) {
                return;
            }
            SourceLocation at = target.origin().locate(pointer);
            // per-object rules only: an environment-wide one may report on an object a check of some specs left unparsed
            String said = object == null ? message
                    : Placeholders.at(target.object(), pointer).map(p -> message + Placeholders.hint(p)).orElse(message);
            out.add(new Diagnostic(info.id(), info.category(), settings.severity(), at, pointer,
                    target.id() + ": " + said, info.remediation()));
        }

        @Override
        public String param(String name) {
            String v = settings.parameters().get(name);
            return v != null ? v : rule.info().defaultParameter(name);
        }
    }
}
