using Infra.Blueprints.Fleets;

namespace Infra.Components.Fleets;

/// <summary>What <see cref="EbsKeyGrant"/> maps: the grant's blueprint and the explicit provider of its region.</summary>
public sealed class EbsKeyGrantArgs
{
    public required EbsKeyGrantBlueprint Blueprint { get; init; }

    /// <summary>The AWS provider of the blueprint's region: the alias lookup and the grant go through it.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }
}
