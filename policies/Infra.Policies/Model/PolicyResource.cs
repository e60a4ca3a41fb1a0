namespace Infra.Policies.Model;

/// <summary>
/// A resource as Pulumi sees it: URN, type token (e.g. <c>aws:ec2/securityGroup:SecurityGroup</c>), name,
/// parent, provider reference, whether it is a custom resource (managed by a provider) or a component,
/// and its property trees: <see cref="Inputs"/>, and <see cref="Outputs"/> holding the outputs that are not also
/// inputs (provider defaults and computed values; echoed inputs are dropped when reading to halve the memory).
/// </summary>
public sealed record PolicyResource(
    string Urn,
    string Type,
    string? Id,
    string? Parent,
    string? Provider,
    bool Custom,
    bool Protect,
    IReadOnlyList<string> Dependencies,
    PropertyValue Inputs,
    PropertyValue Outputs)
{
    /// <summary>The logical name: the last segment of the URN.</summary>
    public string Name => ResourceUrn.NameOf(Urn);

    /// <summary>The URN of the provider resource (the provider reference is <c>urn::id</c>).</summary>
    public string? ProviderUrn => Provider is { } reference && reference.LastIndexOf("::", StringComparison.Ordinal) is var cut and > 0
        ? reference[..cut]
        : null;

    /// <summary>A property by dotted path: the input when given, else the output (which holds provider defaults).</summary>
    public PropertyValue Property(string path)
    {
        var input = Inputs.At(path);
        return input.IsPresent ? input : Outputs.At(path);
    }
}
