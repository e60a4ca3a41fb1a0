using Infra.Blueprints.Fleets;

namespace Infra.Components.Fleets;

/// <summary>What <see cref="SessionLogging"/> maps: the region's blueprint and the explicit provider of that region.</summary>
public sealed class SessionLoggingArgs
{
    public required SessionLoggingBlueprint Blueprint { get; init; }

    /// <summary>The AWS provider of the blueprint's region: the key, the log group and the preferences go through it.</summary>
    public required Pulumi.Aws.Provider Aws { get; init; }
}
