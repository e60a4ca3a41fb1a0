using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Aws;

/// <summary>
/// The tags every AWS resource of a service or a database carries: what the governance rules
/// require (service, team, environment, cost centre, data classification) and who manages it.
/// </summary>
public static class StandardTags
{
    public const string ManagedBy = "pulumi";

    public static EquatableList<ResourceTag> For(string service, string team, DataClassification classification, StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return
        [
            new("service", service),
            new("team", team),
            new("environment", ValueReader.EnumName(definition.Environment)),
            new("cost-center", definition.CostCenter),
            new("data-classification", ValueReader.EnumName(classification)),
            new("managed-by", ManagedBy),
        ];
    }
}
