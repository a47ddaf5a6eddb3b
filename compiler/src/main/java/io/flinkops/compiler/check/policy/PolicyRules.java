package io.flinkops.compiler.check.policy;

import io.flinkops.compiler.check.RuleCheck;
import java.util.List;

/** The built-in best-practice rules, listed by hand and sorted by id. */
public final class PolicyRules {
    private PolicyRules() {}

    public static List<RuleCheck> all() {
        return List.of(
                new ApplicationJarNotLocal(),
                new ArgoApplicationNameTooLong(),
                new CheckpointIntervalBounds(),
                new CheckpointingDisabled(),
                new ConfigValueMissing(),
                new EgressOpen(),
                new FlinkConfigValueInvalid(),
                new HighAvailabilityMissing(),
                new HighAvailabilityStorageMissing(),
                new IamRoleMissing(),
                new ImageFlinkVersionMismatch(),
                new ImageReferenceInvalid(),
                new ImageRegistryNotAllowed(),
                new ImageTagUnpinned(),
                new NamespaceQuotaExceeded(),
                new NamespaceQuotaContainerUnsized(),
                new NamespaceReserved(),
                new NamespaceUndeclared(),
                new NativeApiEgressMissing(),
                new NetworkDefaultDenyMissing(),
                new OwnerLabelMissing(),
                new ParallelismUnreachable(),
                new PlaintextSecret(),
                new PodTemplateInvalid(),
                new PodTemplateProbeInvalid(),
                new PodTemplateVolumeInvalid(),
                new PodTemplateMergedByPosition(),
                new PodTemplateResourcesInvalid(),
                new PodTemplateSchedulingInvalid(),
                new PodTemplateSecurityContextInvalid(),
                new PodTemplateSpecInvalid(),
                new PodTemplateTaskManagerDeadline(),
                new ResourcesMissing(),
                new ResourcesOutOfBounds(),
                new S3BucketNameInvalid(),
                new S3PluginMissing(),
                new SessionClusterMissing(),
                new SessionJobJarScheme(),
                new StateBucketNonProduction(),
                new StatePathLocation(),
                new StatePathScheme(),
                new StatePathShared(),
                new TaskSlotsCpuMismatch(),
                new UpgradeModeProduction());
    }
}
