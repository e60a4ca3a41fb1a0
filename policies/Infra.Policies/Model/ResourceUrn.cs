namespace Infra.Policies.Model;

/// <summary>Pieces of a URN: <c>urn:pulumi:STACK::PROJECT::PARENT$TYPE::NAME</c>.</summary>
public static class ResourceUrn
{
    private const string Prefix = "urn:pulumi:";

    public static string NameOf(string urn)
    {
        var cut = urn.LastIndexOf("::", StringComparison.Ordinal);
        return cut < 0 ? urn : urn[(cut + 2)..];
    }

    /// <summary>The resource's own type: the last of the type chain (<c>PARENT$TYPE</c>); null when the text is not a Pulumi URN.</summary>
    public static string? TypeOf(string urn)
    {
        var name = urn.LastIndexOf("::", StringComparison.Ordinal);
        var project = StackOf(urn) is null ? -1 : urn.IndexOf("::", urn.IndexOf("::", Prefix.Length, StringComparison.Ordinal) + 2, StringComparison.Ordinal);
        if (project < 0 || name <= project)
        {
            return null;
        }

        var chain = urn[(project + 2)..name];
        return chain[(chain.LastIndexOf('$') + 1)..];
    }

    /// <summary>The stack segment, or null when the text is not a Pulumi URN.</summary>
    public static string? StackOf(string urn)
    {
        if (!urn.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = urn.IndexOf("::", Prefix.Length, StringComparison.Ordinal);
        return end < 0 ? null : urn[Prefix.Length..end];
    }

    /// <summary>Builds a URN of a resource whose parent is the stack itself or a component of type <paramref name="parentType"/>.</summary>
    public static string Create(string stack, string project, string type, string name, string? parentType = null) =>
        $"{Prefix}{stack}::{project}::{(parentType is null ? "" : parentType + "$")}{type}::{name}";
}
