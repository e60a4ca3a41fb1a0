using System.Globalization;
using Infra.Blueprints.People;
using Spectre.Console;

namespace Infra.Cli.Access;

/// <summary>Shows who gains and who loses what between two snapshots of a stack.</summary>
internal static class AccessDiffWriter
{
    public static void Write(AccessDiff diff, IAnsiConsole console)
    {
        var title = $"Access changes on stack {diff.To.Stack}" + (diff.From.At == diff.To.At ? $" {AccessReportWriter.When(diff.To.At)}" : $" from {AccessReportWriter.When(diff.From.At)[3..]} to {AccessReportWriter.When(diff.To.At)[3..]}");
        if (diff.Changes.Count == 0)
        {
            console.MarkupLine(Markup.Escape($"{title}: none."));
            return;
        }
        var table = new Table { Title = new TableTitle(title), Border = TableBorder.Rounded };
        foreach (var column in new[] { "change", "person", "system", "resource", "level", "why", "until" })
        {
            table.AddColumn(column);
        }
        foreach (var change in diff.Changes)
        {
            var e = change.Entry;
            var until = change.Kind == AccessChangeKind.Changed
                ? $"{AccessReportWriter.Until(change.Before!.Until)} -> {AccessReportWriter.Until(e.Until)}"
                : AccessReportWriter.Until(e.Until);
            var (sign, colour) = change.Kind switch
            {
                AccessChangeKind.Gained => ("+ gains", "green"),
                AccessChangeKind.Lost => ("- loses", "red"),
                _ => ("~ changes", "yellow"),
            };
            table.AddRow($"[{colour}]{sign}[/]", Markup.Escape(e.Person), Markup.Escape(e.System), Markup.Escape(e.Resource), Markup.Escape(e.Level), Markup.Escape(e.Why), Markup.Escape(until));
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(Summary(diff)));
    }

    public static string Summary(AccessDiff diff)
    {
        var gaining = diff.Changes.Where(c => c.Kind == AccessChangeKind.Gained).Select(c => c.Entry.Person).Distinct(StringComparer.Ordinal).Count();
        var losing = diff.PeopleLosingAccess;
        return string.Create(CultureInfo.InvariantCulture,
            $"{diff.Changes.Count} changes: {gaining} people gain access, {losing.Count} lose access{(losing.Count > 0 ? " (" + string.Join(", ", losing) + ")" : "")}.");
    }
}
