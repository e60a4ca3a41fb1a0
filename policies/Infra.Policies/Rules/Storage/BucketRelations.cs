using Infra.Policies.Model;
using Infra.Policies.Rules.Support;

namespace Infra.Policies.Rules.Storage;

/// <summary>Finds the side resources (public access block, encryption, versioning) that configure a bucket.</summary>
internal static class BucketRelations
{
    public static readonly IReadOnlyList<string> BucketTypes = [TypeTokens.S3Bucket, TypeTokens.S3BucketV2];

    /// <summary>Resources of <paramref name="types"/> whose <c>bucket</c> names the bucket (by name or id), or that depend on it.</summary>
    public static IEnumerable<PolicyResource> ConfigurationsOf(PolicyResource bucket, ResourceSet resources, params string[] types)
    {
        var index = resources.Derived("bucket-configurations:" + string.Join(",", types), set => Index(set, types));
        var keys = new[] { bucket.Property("bucket").AsString(), bucket.Id, bucket.Urn }.OfType<string>().Distinct(StringComparer.Ordinal);
        return keys.SelectMany(k => index.TryGetValue(k, out var list) ? list : []).Distinct();
    }

    private static Dictionary<string, List<PolicyResource>> Index(ResourceSet resources, string[] types)
    {
        var index = new Dictionary<string, List<PolicyResource>>(StringComparer.Ordinal);
        foreach (var config in types.SelectMany(resources.OfType))
        {
            foreach (var key in config.Dependencies.Append(config.Property("bucket").AsString()).OfType<string>())
            {
                if (!index.TryGetValue(key, out var list))
                {
                    index[key] = list = [];
                }

                list.Add(config);
            }
        }

        return index;
    }
}
