using Infra.Blueprints.Definition;

namespace Infra.Policies.Rules;

/// <summary>
/// What rules know besides the resources: the stack, its environment (bounds differ between staging and
/// production), today's date (from the injected clock), and the bank's lists (regions, instance families,
/// mandatory tags, people).
/// </summary>
public sealed record PolicyContext(string StackName, EnvironmentKind Environment, DateOnly Today)
{
    /// <summary>AWS regions in EU member states (London and Zurich are outside the EU).</summary>
    public static IReadOnlySet<string> EuRegions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "eu-central-1", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-3",
    };

    /// <summary>Current-generation Graviton and Intel families the images are built for.</summary>
    public static IReadOnlySet<string> DefaultInstanceFamilies { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "m7i", "m7g", "c7i", "c7g", "r7i", "r7g", "t4g",
    };

    public static IReadOnlyList<string> DefaultMandatoryTags { get; } =
        ["service", "team", "environment", "cost-center", "data-classification", "managed-by"];

    public IReadOnlySet<string> AllowedRegions { get; init; } = EuRegions;

    public IReadOnlySet<string> AllowedInstanceFamilies { get; init; } = DefaultInstanceFamilies;

    public IReadOnlyList<string> MandatoryTags { get; init; } = DefaultMandatoryTags;

    /// <summary>
    /// The AWS accounts the stack's providers may act on: its own (infra:awsAccountId) and the log archive's; empty when
    /// the caller does not know them (rules then check only that a provider names one account).
    /// </summary>
    public IReadOnlySet<string> AwsAccountIds { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>The people of the catalog; empty when the caller has none (people rules then judge dates in resources only).</summary>
    public IReadOnlyList<PersonAccessWindow> People { get; init; } = [];

    /// <summary>
    /// The topics the Kafka catalog marks <c>delete: true</c> on this stack; null when the caller has no catalog (the
    /// policy pack), and then the rule that needs it reports nothing.
    /// </summary>
    public IReadOnlySet<string>? TopicsMarkedForDeletion { get; init; }

    /// <summary>The address ranges of the stack's VPCs; empty when the caller has none (rules then take the private ranges as the VPC's).</summary>
    public IReadOnlyList<System.Net.IPNetwork> VpcNetworks { get; init; } = [];

    public bool IsProduction => Environment == EnvironmentKind.Production;

    public static PolicyContext Create(string stackName, EnvironmentKind environment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return new PolicyContext(stackName, environment, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
