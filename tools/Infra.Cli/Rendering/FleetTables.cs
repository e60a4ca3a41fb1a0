using System.Globalization;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;
using Spectre.Console;

namespace Infra.Cli.Rendering;

/// <summary>
/// The fleets of the plan: instances over zones and why, what runs, who may call it and what it may
/// call; then what each fleet may reach (its egress, the internet), how it registers with Consul, and
/// what replaces an instance.
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

        var reach = new Table { Title = new TableTitle("Fleets: egress, Consul registration and health"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "service", "egress", "Consul", "health" })
        {
            reach.AddColumn(column);
        }
        foreach (var fleet in fleets)
        {
            reach.AddRow(
                new Text(fleet.Name),
                new Text(string.Join('\n', [fleet.Internet, .. fleet.EgressRules])),
                new Text(fleet.ConsulRegistration),
                new Text(fleet.Health));
        }
        console.Write(reach);
    }

    private static string List(EquatableList<string> values) => values.Count == 0 ? "-" : string.Join(", ", values);
}
