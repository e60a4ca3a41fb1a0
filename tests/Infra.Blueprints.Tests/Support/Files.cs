namespace Infra.Blueprints.Tests.Support;

/// <summary>The repository's input files, by the names diagnostics use.</summary>
public static class Files
{
    public const string Staging = "Pulumi.staging.yaml";
    public const string Production = "Pulumi.production.yaml";
    public const string Teams = "stacks/catalog/teams.yaml";
    public const string People = "stacks/catalog/people.yaml";
    public const string Topics = "stacks/catalog/kafka-topics.yaml";
}
