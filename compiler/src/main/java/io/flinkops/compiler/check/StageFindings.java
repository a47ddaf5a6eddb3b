package io.flinkops.compiler.check;

import io.flinkops.compiler.diagnostic.Category;
import io.flinkops.compiler.diagnostic.Severity;
import java.util.List;

/**
 * Findings the load and policy stages raise themselves (not rules over emitted objects). Each is
 * documented and explained like any rule.
 */
public final class StageFindings {
    private StageFindings() {}

    public static List<RuleInfo> all() {
        return List.of(RuleInfo.of(UnreadableInput.class), RuleInfo.of(UnknownKind.class), RuleInfo.of(SpecInvalid.class),
                RuleInfo.of(UnresolvedReference.class), RuleInfo.of(RepositoryLayout.class), RuleInfo.of(FileNotRead.class), RuleInfo.of(OverlayInvalid.class),
                RuleInfo.of(OverlayListReplaced.class),
                RuleInfo.of(PolicyConfigInvalid.class), RuleInfo.of(PolicyExceptionInvalid.class),
                RuleInfo.of(PolicyExceptionExpired.class), RuleInfo.of(PolicyExceptionUnused.class));
    }

    @Rule(id = "unreadable-input", category = Category.PARSE, severity = Severity.ERROR,
            summary = "Input files are UTF-8 YAML within the documented limits",
            rationale = "Malformed YAML, tabs, duplicate keys, binary data, alias bombs and oversized files cannot be "
                    + "judged; kubectl would refuse them too. The run stops with exit code 2.",
            remediation = "Fix the file at the position shown; see docs/limits.md for the size, depth and alias limits.")
    static final class UnreadableInput {}

    @Rule(id = "unknown-kind", category = Category.PARSE, severity = Severity.ERROR,
            summary = "Every document names an apiVersion and kind flinkops knows",
            rationale = "A document flinkops cannot classify would be emitted unchecked, or not at all. Among raw resources "
                    + "(validate outside an environment), a custom resource of another group passes as context, but a kind "
                    + "under an apiVersion no cluster serves it in is refused, as the API server refuses it: the operator's "
                    + "kinds outside flink.apache.org, a core apiVersion other than v1, a kind the core group (v1) does not serve.",
            remediation = "Use FlinkJob, FlinkSessionCluster, FlinkSessionJob (flinkops.io/v1alpha1) or FlinkDeployment, FlinkSessionJob, FlinkStateSnapshot (flink.apache.org/v1beta1).")
    static final class UnknownKind {}

    @Rule(id = "spec-invalid", category = Category.PARSE, severity = Severity.ERROR,
            summary = "Specs of the flinkops.io kinds match their published JSON Schema",
            rationale = "Unknown fields and wrong types in a spec are almost always typos; compiling them would silently drop what the author meant."
                    + " The same holds for a flinkConfiguration value that YAML reads other than written (1.10 as the number 1.1, 010 as 8,"
                    + " yes as true): flinkops writes such a value as the text it reads as, which would reach Flink changed.",
            remediation = "Fix the field as the message says; `flinkops schema <Kind>` prints the schema for editors.")
    static final class SpecInvalid {}

    @Rule(id = "unresolved-reference", category = Category.PARSE, severity = Severity.ERROR,
            summary = "Sizes, namespaces and session clusters that specs name exist",
            rationale = "A reference to nothing cannot be compiled: the job would have no resources or no cluster to run on.",
            remediation = "Define what the spec names in the environment, or fix the name.")
    static final class UnresolvedReference {}

    @Rule(id = "repository-layout", category = Category.PARSE, severity = Severity.ERROR,
            summary = "One resource per file, one Environment per folder, unique names",
            rationale = "The layout is how flinkops knows which environment a spec belongs to and where its output goes.",
            remediation = "Keep environments/<env>/environment.yaml and one resource per file beside it, with unique names.")
    static final class RepositoryLayout {}

    @Rule(id = "file-not-read", category = Category.PARSE, severity = Severity.WARNING,
            summary = "Files that look like specs where flinkops reads specs are read",
            rationale = "flinkops, kubectl and Argo CD match .yaml and .yml exactly: a spec saved as job.YAML or job.Yml, or "
                    + "placed in environments/ outside an environment's folder, is compiled and checked by no one, and its job "
                    + "silently never deploys. So does a spec or policy set written as JSON (job.json naming an apiVersion and "
                    + "a kind), and a JSON 6902 patch under overlays/ is never applied: flinkops reads YAML files only. A "
                    + "symbolic link to a folder is not followed (links to files are), so nothing under it is read either. "
                    + "(Other files, a README.md or a JSON schema for editors, are passed over in silence.)",
            remediation = "Rename the file to end in .yaml or .yml in lower case (JSON is YAML as it is), or move it into "
                    + "environments/<env>/; write a JSON 6902 patch as a strategic-merge patch; keep files in the folder "
                    + "itself rather than behind a folder link.")
    static final class FileNotRead {}

    @Rule(id = "overlay-invalid", category = Category.PARSE, severity = Severity.ERROR,
            summary = "Overlays leave a root that kustomize can build and Argo CD may sync: patches find their targets and "
                    + "merge into them, resources are not repeated and stay in the root's namespace, of kinds the AppProject permits",
            rationale = "A patch whose target is not in the root (never there, renamed, or deleted by an earlier $patch: delete), "
                    + "a patch that writes a mapping, list or single value where its target has another of the three, or names "
                    + "a $patch strategy kustomize does not know, "
                    + "a resource the root already holds, or a Kustomization copied in as a resource fails `kubectl kustomize` "
                    + "in Argo CD's repo server, long after the pull request merged; a renamed job silently orphans its patch, "
                    + "and so does a folder overlays/<env>/ of no environment. A resource of a kind the environment's AppProject "
                    + "does not permit fails the root's whole sync; one in another namespace would let one team's overlay write "
                    + "into another team's namespace.",
            remediation = "Name an object of that root in the patch's apiVersion, kind, metadata.name and metadata.namespace; "
                    + "write what the target has there (or remove the field with null in an earlier patch); "
                    + "patch an object instead of repeating it; keep resources in the root's namespace, and list further kinds "
                    + "under spec.argocd.extraKinds of the environment; or delete the overlay.")
    static final class OverlayInvalid {}

    @Rule(id = "overlay-list-replaced", category = Category.PARSE, severity = Severity.WARNING,
            summary = "A patch that writes a list of mappings kustomize replaces whole repeats what the list must keep",
            rationale = "kustomize knows no schema for a custom resource, so it replaces every list a patch of a "
                    + "FlinkDeployment or FlinkSessionJob writes, where for a Deployment it would merge containers, env "
                    + "or volumes by name. A patch that lists the Pod template's containers to add one env variable "
                    + "replaces the flink-main-container flinkops generated, with its S3 plugin and settings, and the "
                    + "job then fails at its first checkpoint. The same holds for the lists of the NetworkPolicies, "
                    + "Roles and quotas flinkops writes, whose schemas give them no merge key: a patch that adds an "
                    + "egress rule replaces the generated ones. A list of values (job arguments) is replaced as a "
                    + "Deployment's would be, and is not reported.",
            remediation = "Repeat in the patch every item the list must keep (see what the root renders to with "
                    + "kubectl kustomize build/manifests/<env>/<root>), or make the change in the spec itself.")
    static final class OverlayListReplaced {}

    @Rule(id = "policy-config-invalid", category = Category.POLICY, severity = Severity.ERROR,
            summary = "Policy sets name existing sets, rules and parameters, with values the rules can use",
            rationale = "A typo in a policy set would silently leave a rule at its default (or off) in every environment that uses it; "
                    + "a parameter value a rule cannot read (a duration 'ten') would fail the rule on every object.",
            remediation = "Fix the name or the value; `flinkops rules` lists the rule ids and their parameters with their defaults.")
    static final class PolicyConfigInvalid {}

    @Rule(id = "policy-exception-invalid", category = Category.POLICY, severity = Severity.ERROR,
            summary = "Exceptions give a reason and an expiry date",
            rationale = "An exception without a reason cannot be reviewed, and one without an expiry date is a permanent hole in the policy.",
            remediation = "Add reason: and expires: YYYY-MM-DD to the exception.")
    static final class PolicyExceptionInvalid {}

    @Rule(id = "policy-exception-expired", category = Category.POLICY, severity = Severity.ERROR,
            summary = "Exceptions past their expiry date are errors",
            rationale = "An exception is granted for a time; once it has passed, the team must fix the finding or renew the exception in review.",
            remediation = "Fix the underlying finding and remove the exception, or extend expires: after review.")
    static final class PolicyExceptionExpired {}

    @Rule(id = "policy-exception-unused", category = Category.POLICY, severity = Severity.WARNING,
            summary = "Exceptions that cover no finding are removed",
            rationale = "An exception that no longer matches anything is dead weight that could hide a future finding.",
            remediation = "Remove the exception.")
    static final class PolicyExceptionUnused {}
}
