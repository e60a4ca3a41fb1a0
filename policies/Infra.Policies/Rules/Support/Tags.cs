using Infra.Policies.Model;

namespace Infra.Policies.Rules.Support;

/// <summary>A resource's tags: <c>tagsAll</c> (provider default tags included) when known, else <c>tags</c>; an autoscaling group's <c>tags[]</c> of key/value.</summary>
internal static class Tags
{
    /// <summary>One tag's value, or null when the resource does not carry it; looks in the same places as <see cref="Of"/>.</summary>
    public static string? Get(PolicyResource resource, string key) => Get(resource, Sources(resource), key);

    /// <summary>The tag maps of a resource, most complete first (fetch once, then <see cref="Get(PolicyResource, PropertyValue[], string)"/> per tag).</summary>
    public static PropertyValue[] Sources(PolicyResource resource) =>
        [resource.Outputs["tagsAll"], resource.Inputs["tagsAll"], resource.Inputs["tags"], resource.Outputs["tags"]];

    public static string? Get(PolicyResource resource, PropertyValue[] sources, string key)
    {
        if (resource.Type == TypeTokens.AutoscalingGroup)
        {
            return GroupTag(resource, key);
        }

        foreach (var source in sources)
        {
            var value = source[key];
            if (value.IsPresent)
            {
                return value.IsSecret ? "[secret]" : value.AsString() ?? "";
            }
        }

        return null;
    }

    /// <summary>An autoscaling group's tag as <see cref="Of"/> reads it (the last entry of a key wins), without building the whole map.</summary>
    private static string? GroupTag(PolicyResource resource, string key)
    {
        string? found = null;
        foreach (var tag in resource.Property("tags").Items)
        {
            if (tag["key"].AsString() == key)
            {
                found = tag["value"].AsString() ?? "";
            }
        }

        return found;
    }

    /// <summary>Whether the tag's value is unknown until the update, in the first tag map that holds it.</summary>
    public static bool IsUnknown(PropertyValue[] sources, string key) =>
        sources.Select(s => s[key]).FirstOrDefault(v => v.IsPresent)?.IsUnknown == true;

    public static IReadOnlyDictionary<string, string> Of(PolicyResource resource)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource.Type == TypeTokens.AutoscalingGroup)
        {
            foreach (var tag in resource.Property("tags").Items)
            {
                if (tag["key"].AsString() is { } key)
                {
                    result[key] = tag["value"].AsString() ?? "";
                }
            }

            return result;
        }

        foreach (var source in new[] { resource.Outputs["tagsAll"], resource.Inputs["tagsAll"], resource.Inputs["tags"], resource.Outputs["tags"] })
        {
            foreach (var (key, value) in source.Fields)
            {
                result.TryAdd(key, value.IsSecret ? "[secret]" : value.AsString() ?? "");
            }
        }

        return result;
    }
}
