using System.Globalization;
using Infra.Blueprints.Kafka;
using Spectre.Console;

namespace Infra.Cli.Rendering;

/// <summary>The Kafka part of the plan: what the stack's topics and ACLs come to, and the changes against the state.</summary>
internal static class KafkaTables
{
    public static void Render(KafkaTopicsBlueprint kafka, KafkaChangePlan? changes, IAnsiConsole console)
    {
        var principals = kafka.Acls.Select(a => a.Principal).Distinct(StringComparer.Ordinal).Count();
        var configs = kafka.Topics.Sum(t => t.Config.Count);
        var protection = kafka.Topics.Any(t => t.Protect) ? "protected" : "not protected";
        console.MarkupLine(Markup.Escape(
            $"Kafka on {kafka.Stack}: {Number(kafka.Topics.Count)} topics ({protection}), {Number(kafka.Topics.Sum(t => t.Partitions))} partitions, "
            + $"{Number(configs)} configs written ({(kafka.Pinned.Count > 0 ? "Kafka's defaults left out except those below" : "Kafka's defaults left out")}), "
            + $"{Number(kafka.Acls.Count)} ACLs for {Number(principals)} principals."));
        foreach (var pinned in kafka.Pinned)
        {
            console.MarkupLine(Markup.Escape($"  written on every topic: {pinned.Key}={pinned.Value}: {pinned.Why}"));
        }
        if (kafka.MarkedForDeletion.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"Marked delete: true: {string.Join(", ", kafka.MarkedForDeletion)}"));
        }
        if (kafka.Unprotected.Count > 0)
        {
            console.MarkupLine(Markup.Escape($"Marked delete: unprotect (kept, protection dropped; delete: true in the next release): {string.Join(", ", kafka.Unprotected)}"));
        }
        if (changes is null)
        {
            return;
        }
        var table = new Table { Title = new TableTitle($"Kafka topic changes against the state ({changes.Changes.Count})"), Border = TableBorder.Rounded };
        foreach (var column in new[] { "change", "topic", "details", "destructive", "verdict" })
        {
            table.AddColumn(column);
        }
        foreach (var change in changes.Changes)
        {
            table.AddRow(
                new Text(change.Kind.ToString().ToLowerInvariant()),
                new Text(change.Topic),
                new Text(string.Join("; ", change.Details)),
                new Text(change.Destructive ? "DATA LOSS" : "-"),
                new Text(change.Refused ? "REFUSED: " + change.Reason : change.Reason is null ? "ok" : "allowed: " + change.Reason));
        }
        console.Write(table);
        var counts = string.Join(", ", Enum.GetValues<TopicChangeKind>().Select(k => $"{changes.Changes.Count(c => c.Kind == k)} {k.ToString().ToLowerInvariant()}"));
        console.MarkupLine(Markup.Escape(
            $"Topic changes: {counts}; {changes.Changes.Count(c => c.Destructive)} destructive, {changes.Changes.Count(c => c.Refused)} refused; {Number(changes.Unchanged)} unchanged."));
    }

    private static string Number(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
