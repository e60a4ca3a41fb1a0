using Infra.Blueprints.Account;

namespace Infra.Components.Account;

/// <summary>What <see cref="AccountBaseline"/> maps: the blueprint, one AWS provider per region, and the log archive account's provider.</summary>
public sealed class AccountBaselineArgs
{
    public required AccountBaselineBlueprint Blueprint { get; init; }

    /// <summary>One provider per region of the blueprint, in the environment's account.</summary>
    public required IReadOnlyDictionary<string, Pulumi.Aws.Provider> AwsProviders { get; init; }

    /// <summary>A provider in the log archive account (the trail's bucket and key live there); not needed in central mode.</summary>
    public Pulumi.Aws.Provider? LogArchiveProvider { get; init; }
}
