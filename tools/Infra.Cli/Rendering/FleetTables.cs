using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Spectre.Console;

namespace Infra.Cli.Rendering;

/// <summary>
/// The fleets of the plan: instances over zones and why, what runs, who may call it and what it may
/// call; then what each fleet may reach (its egress, the internet), how it registers with Consul, what
/// replaces an instance and who may open a shell; then, per region, the EBS key grant and session logging.
/// </summary>
internal static class FleetTables
{
    public static void Render(IReadOnlyList<FleetBlueprint> fleets, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle($"Fleets ({fleets.Count})"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "service", "min/desired/max", "zones", "why", "image", "type", "port", "called by", "calls" })
        {
            table.AddColumn(column);
        }
        foreach (var fleet in fleets)
        {
            var capacity = fleet.Capacity;
            table.AddRow(
                new Text(fleet.Name),
                new Text(string.Create(CultureInfo.InvariantCulture, $"{capacity.Min}/{capacity.Desired}/{capacity.Max}")),
                new Text(capacity.Zones.ToString(CultureInfo.InvariantCulture)),
                new Text(fleet.Explanation),
                new Text(fleet.LaunchTemplate.ImageId),
                new Text(fleet.LaunchTemplate.InstanceType),
                new Text(fleet.Port.ToString(CultureInfo.InvariantCulture)),
                new Text(List(fleet.CalledBy)),
                new Text(List(fleet.Calls)));
        }
        console.Write(table);

        var reach = new Table { Title = new TableTitle("Fleets: egress, Consul registration, health and sessions"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "service", "egress", "Consul", "health", "sessions" })
        {
            reach.AddColumn(column);
        }
        foreach (var fleet in fleets)
        {
            reach.AddRow(
                new Text(fleet.Name),
                new Text(string.Join('\n', [fleet.Internet, .. fleet.EgressRules])),
                new Text(fleet.ConsulRegistration),
                new Text(fleet.Health),
                new Text(fleet.Sessions));
        }
        console.Write(reach);
    }

    /// <summary>What the fleets of each region need besides themselves: Auto Scaling's grant on the EBS key, and where sessions are logged.</summary>
    public static void RenderRegional(IReadOnlyList<EbsKeyGrantBlueprint> keyGrants, IReadOnlyList<SessionLoggingBlueprint> sessionLogging, IAnsiConsole console)
    {
        var table = new Table { Title = new TableTitle("Fleets per region: EBS key grant and session logging"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "region", "EBS key grant", "session logging" })
        {
            table.AddColumn(column);
        }
        foreach (var region in keyGrants.Select(g => g.Region).Union(sessionLogging.Select(l => l.Region)).Order(StringComparer.Ordinal))
        {
            table.AddRow(
                new Text(region),
                new Text(keyGrants.FirstOrDefault(g => g.Region == region) is { } grant
                    ? $"{grant.Name}: {grant.GranteePrincipal} may {string.Join(", ", grant.Operations)} with {grant.KeyAlias}"
                    : "-"),
                new Text(sessionLogging.FirstOrDefault(l => l.Region == region) is { } logging
                    ? string.Create(CultureInfo.InvariantCulture, $"{logging.LogGroupName}, {logging.RetentionDays} days, under its own KMS key; preferences {logging.PreferencesDocumentName}")
                    : "-"));
        }
        console.Write(table);
    }

    private static string List(EquatableList<string> values) => values.Count == 0 ? "-" : string.Join(", ", values);
}
