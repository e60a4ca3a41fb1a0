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
        var name = bucket.Property("bucket").AsString();
        var found = new List<PolicyResource>();
        Collect(index, name, found);
        if (bucket.Id != name)
        {
            Collect(index, bucket.Id, found);
        }

        if (bucket.Urn != name && bucket.Urn != bucket.Id)
        {
            Collect(index, bucket.Urn, found);
        }

        return found;
    }

    /// <summary>Adds the configurations under one key that are not in <paramref name="found"/> yet (a short list: no set to build).</summary>
    private static void Collect(Dictionary<string, List<PolicyResource>> index, string? key, List<PolicyResource> found)
    {
        if (key is null || !index.TryGetValue(key, out var list))
        {
            return;
        }

        foreach (var config in list)
        {
            if (!found.Contains(config))
            {
                found.Add(config);
            }
        }
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
