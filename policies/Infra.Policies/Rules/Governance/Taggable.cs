using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Governance;

/// <summary>Which AWS resources carry tags: those that declare <c>tags</c>/<c>tagsAll</c>, and the main taggable types even when they declare none.</summary>
internal static class Taggable
{
    private static readonly HashSet<string> KnownTaggable = new(StringComparer.Ordinal)
    {
        TypeTokens.SecurityGroup, TypeTokens.LaunchTemplate, TypeTokens.Instance, TypeTokens.EbsVolume, TypeTokens.KmsKey,
        TypeTokens.RdsCluster, TypeTokens.RdsGlobalCluster, TypeTokens.RdsClusterInstance, TypeTokens.RdsInstance, TypeTokens.IamRole,
        TypeTokens.IamPolicy, TypeTokens.LbLoadBalancer, TypeTokens.LbListener, TypeTokens.S3Bucket, TypeTokens.S3BucketV2,
        TypeTokens.AutoscalingGroup, TypeTokens.Subnet,
    };

    public static bool Is(PolicyResource resource) =>
        resource.Type.StartsWith("aws:", StringComparison.Ordinal)
        && (KnownTaggable.Contains(resource.Type)
            || resource.Inputs["tags"].IsPresent
            || resource.Outputs["tagsAll"].IsPresent);
}
