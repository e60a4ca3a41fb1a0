using Infra.Blueprints.Loading;
using Infra.Policies.Model;

namespace Infra.Policies.Reading;

/// <summary>
/// What every resource of an export or a preview must be to be judged at all: a Pulumi URN
/// (<c>urn:pulumi:&lt;stack&gt;::&lt;project&gt;::&lt;type&gt;::&lt;name&gt;</c>) and a type token. A resource
/// without them matches no rule, so the file would pass without a word.
/// </summary>
internal static class ResourceIdentity
{
    private const string UrnPrefix = "urn:pulumi:";

    /// <summary>What is wrong with the resource's URN or type, or null.</summary>
    public static string? Problem(PolicyResource resource)
    {
        if (resource.Type.Length == 0)
        {
            return "'type' is empty; expected the resource's type token, such as aws:s3/bucket:Bucket";
        }
        return IsPulumiUrn(resource.Urn)
            ? null
            : EchoedValues.Shorten($"'urn' is not a Pulumi URN; expected urn:pulumi:<stack>::<project>::<type>::<name>, found '{resource.Urn}'");
    }

    /// <summary>The prefix, then four non-empty parts separated by <c>::</c> (the name may hold more); on spans, as this runs for every resource.</summary>
    private static bool IsPulumiUrn(string urn)
    {
        if (!urn.StartsWith(UrnPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = urn.AsSpan(UrnPrefix.Length);
        for (var separator = 0; separator < 3; separator++)
        {
            var cut = rest.IndexOf("::", StringComparison.Ordinal);
            if (cut <= 0)
            {
                return false;
            }

            rest = rest[(cut + 2)..];
        }

        return rest.Length > 0;
    }
}
