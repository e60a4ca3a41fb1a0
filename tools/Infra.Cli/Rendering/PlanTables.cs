using System.Globalization;
using Infra.Blueprints.Planning;
using Infra.Blueprints.Stacks;
using Spectre.Console;

namespace Infra.Cli.Rendering;

/// <summary>The plan as console tables, one per kind of thing the stack holds.</summary>
internal static class PlanTables
{
    public static void Render(StackPlan plan, IAnsiConsole console)
    {
        console.MarkupLine($"[bold]Stack {Markup.Escape(plan.Stack)}[/] ({plan.Environment}): primary {plan.PrimaryRegion}, secondary {plan.SecondaryRegion}; people as of {plan.Day:yyyy-MM-dd}");
        console.Write(Services(plan));
        console.Write(Databases(plan));
        console.Write(Topics(plan));
        console.Write(Teams(plan));
        var people = plan.People;
        console.MarkupLine($"People: {people.Active} with access ({people.ActiveContractors} contractors, {people.ActiveGrants} temporary grants in force), {people.NotStarted} not started yet, {people.Left} left, {people.Total} in the catalog.");
    }

    /// <summary>How many of each reviewed kind of resource the stack declares: what `pulumi preview` should create.</summary>
    public static void RenderCounts(StackResourceCounts counts, IAnsiConsole console)
    {
        var table = NewTable("Resources the stack declares", "kind", "count");
        foreach (var property in typeof(StackResourceCounts).GetProperties())
        {
            table.AddRow(Cells(property.Name, Number((int)property.GetValue(counts)!)));
        }
        console.Write(table);
    }

    private static Table Services(StackPlan plan)
    {
        var table = NewTable($"Services ({plan.Services.Count})", "service", "team", "image", "type", "port", "peak rps / per instance", "calls", "called by", "databases", "topics");
        foreach (var s in plan.Services)
        {
            table.AddRow(Cells(s.Name, s.Team, s.Image, s.InstanceType, s.Port.ToString(CultureInfo.InvariantCulture),
                $"{Number(s.PeakRps)} / {Number(s.RpsPerInstance)}", List(s.Calls), List(s.CalledBy), List(s.Databases), Number(s.Topics)));
        }
        return table;
    }

    private static Table Databases(StackPlan plan)
    {
        var table = NewTable($"Databases ({plan.Databases.Count})", "database", "team", "engine", "class", "regions", "readers", "backups (days)", "used by");
        foreach (var d in plan.Databases)
        {
            table.AddRow(Cells(d.Name, d.Team, "aurora-postgresql " + d.EngineVersion, d.InstanceClass, $"{d.PrimaryRegion} -> {d.SecondaryRegion}",
                Number(d.Readers), Number(d.BackupRetentionDays), List(d.UsedBy)));
        }
        return table;
    }

    private static Table Topics(StackPlan plan)
    {
        var table = NewTable($"Kafka topics ({plan.TopicDomains.Sum(d => d.Topics)})", "domain", "topics", "partitions", "owners");
        foreach (var d in plan.TopicDomains)
        {
            table.AddRow(Cells(d.Domain, Number(d.Topics), Number(d.Partitions), List(d.Owners)));
        }
        return table;
    }

    private static Table Teams(StackPlan plan)
    {
        var table = NewTable($"Teams ({plan.Teams.Count})", "team", "name", "members with access", "gitlab groups", "vpn networks", "consul");
        foreach (var t in plan.Teams)
        {
            table.AddRow(Cells(t.Id, t.Name, Number(t.ActiveMembers), Number(t.GitLabGroups), Number(t.VpnNetworks), t.Consul));
        }
        return table;
    }

    private static Table NewTable(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in columns)
        {
            table.AddColumn(column);
        }
        return table;
    }

    private static Text[] Cells(params string[] values) => [.. values.Select(v => new Text(v))];

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string List(IReadOnlyList<string> values) => values.Count == 0 ? "-" : string.Join(", ", values);
}
