using Infra.Blueprints.Aws;
using Pulumi;

namespace Infra.Components;

/// <summary>A blueprint's tags as the inputs that resources take; a fresh map per resource.</summary>
internal static class ResourceTags
{
    public static InputMap<string> Map(IEnumerable<ResourceTag> tags)
    {
        var map = new InputMap<string>();
        foreach (var tag in tags)
        {
            map.Add(tag.Key, tag.Value);
        }
        return map;
    }
}
