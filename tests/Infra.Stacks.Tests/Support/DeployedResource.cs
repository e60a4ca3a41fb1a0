using System.Collections.Immutable;

namespace Infra.Stacks.Tests.Support;

/// <summary>
/// One resource the stack program registered on Pulumi's mocks, as the engine would know it: URN,
/// id (custom resources), type, the parent's URN, the provider reference (<c>urn::id</c>), <c>protect</c>, dependencies, its inputs and which of them are secret.
/// </summary>
public sealed record DeployedResource(
    string Urn,
    string? Id,
    string Type,
    string Name,
    bool Custom,
    string? ParentUrn,
    string? Provider,
    bool Protect,
    ImmutableSortedSet<string> Dependencies,
    ImmutableDictionary<string, object> Inputs,
    ImmutableSortedSet<string> SecretInputs)
{
    public bool IsProvider => Type.StartsWith("pulumi:providers:", StringComparison.Ordinal);

    /// <summary>The logical name of a URN (its last segment).</summary>
    public static string NameOf(string urn) => urn[(urn.LastIndexOf("::", StringComparison.Ordinal) + 2)..];
}
