using Infra.Blueprints.Databases;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Kafka;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Planning;

/// <summary>Computes a stack's plan from its definition and a day: a pure function.</summary>
public static class StackPlanner
{
    public static StackPlan Plan(StackDefinition definition, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var services = definition.Services.Select(s => new ServicePlan(
            s.Name, s.Team, s.Image, s.InstanceType, s.Port, s.PeakRps, s.RpsPerInstance,
            s.DependsOn.Services,
            [.. definition.Services.Where(c => c.DependsOn.Services.Contains(s.Name)).Select(c => c.Name)],
            s.DependsOn.Databases,
            s.DependsOn.Topics.Count)).ToList();
        var clusters = DatabaseBlueprints.For(definition).ToDictionary(d => d.Name, StringComparer.Ordinal);
        var databases = definition.Databases.Select(d => new DatabasePlan(
            d.Name, d.Team, d.EngineVersion, d.InstanceClass, definition.Regions.Primary, definition.Regions.Secondary,
            clusters[d.Name].GlobalClusterIdentifier, clusters[d.Name].Primary.ClusterIdentifier, clusters[d.Name].Secondary.ClusterIdentifier,
            d.Readers, d.BackupRetentionDays,
            [.. definition.Services.Where(s => s.DependsOn.Databases.Contains(d.Name)).Select(s => s.Name)])).ToList();
        return new StackPlan(
            definition.StackName,
            ValueReader.EnumName(definition.Environment),
            definition.Regions.Primary,
            definition.Regions.Secondary,
            day,
            services,
            databases,
            TopicDomains(definition),
            Teams(definition.Catalog, day),
            People(definition.Catalog.People.ToList(), day));
    }

    private static List<TopicDomainPlan> TopicDomains(StackDefinition definition) =>
        [.. definition.Catalog.Topics
            .Select(t => ResolvedTopic.Resolve(t, definition.StackName))
            .Where(t => t.Delete != TopicDeletion.Delete)
            .GroupBy(t => t.Topic.Name.Split('.')[0], StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new TopicDomainPlan(
                g.Key,
                g.Count(),
                g.Sum(t => t.Partitions),
                [.. g.Select(t => t.Topic.Owner).Distinct().Order(StringComparer.Ordinal)]))];

    private static List<TeamPlan> Teams(Catalog catalog, DateOnly day) =>
        [.. catalog.Teams.Select(t => new TeamPlan(
            t.Id,
            t.Name,
            catalog.People.Count(p => p.Teams.Contains(t.Id) && p.HasAccessOn(day)),
            t.Entitlements.GitLab.Count,
            t.Entitlements.Vpn.Count,
            ValueReader.EnumName(t.Entitlements.Consul)))];

    private static PeopleSummary People(List<PersonDefinition> people, DateOnly day) => new(
        people.Count,
        people.Count(p => p.HasAccessOn(day)),
        people.Count(p => p.Start > day),
        people.Count(p => p.End < day),
        people.Count(p => p.Contract == ContractKind.Contractor && p.HasAccessOn(day)),
        people.Where(p => p.HasAccessOn(day)).Sum(p => p.Grants.Count(g => g.IsActiveOn(day))));
}
