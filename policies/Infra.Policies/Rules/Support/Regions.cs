using Infra.Policies.Model;

namespace Infra.Policies.Rules.Support;

/// <summary>Where a resource lives: its own <c>region</c> (AWS provider v7), else its provider's <c>region</c>.</summary>
internal static class Regions
{
    public static string? Of(PolicyResource resource, ResourceSet resources)
    {
        if (resource.Property("region").AsString() is { Length: > 0 } own)
        {
            return own;
        }

        if (resource.ProviderUrn is { } providerUrn && resources.FindByUrn(providerUrn) is { } provider)
        {
            return provider.Property("region").AsString();
        }

        return ArnRegion(resource.Property("arn").AsString());
    }

    /// <summary>The region field of an ARN (<c>arn:aws:rds:eu-west-3:123:cluster:x</c>).</summary>
    public static string? ArnRegion(string? arn)
    {
        if (arn is null)
        {
            return null;
        }

        var parts = arn.Split(':');
        return parts.Length > 3 && parts[3].Length > 0 ? parts[3] : null;
    }
}
