using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>
/// Every alarm goes to the team that owns what it watches, through the on-call endpoint the team
/// declares in teams.yaml: a service's or a database's team without one is an error at its
/// <c>team</c> key.
/// </summary>
internal static class AlertOwnerValidator
{
    public static void Validate(StackSettings settings, IEnumerable<TeamDefinition> teams, DocumentContext context)
    {
        var byId = teams.ToDictionary(t => t.Id, StringComparer.Ordinal);
        foreach (var service in settings.Services)
        {
            Check(service.Team, StackConfigKeys.Services, service.Name, "service", byId, context);
        }
        foreach (var database in settings.Databases)
        {
            Check(database.Team, StackConfigKeys.Databases, database.Name, "database", byId, context);
        }
    }

    private static void Check(string team, string key, string name, string what, Dictionary<string, TeamDefinition> teams, DocumentContext context)
    {
        if (teams.TryGetValue(team, out var definition) && definition.OnCall is null)
        {
            context.Error(KeyPath.Child(KeyPath.Child(StackConfigReader.Qualified(key), name), "team"),
                $"team '{team}' declares no onCall endpoint in {StackDefinitionLoader.TeamsFile}; the {what}'s alarms go to its team's on-call endpoint (an https:// URL)");
        }
    }
}
