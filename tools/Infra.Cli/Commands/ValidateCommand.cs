using System.CommandLine;
using Infra.Blueprints.Loading;
using Infra.Blueprints.People;
using Infra.Cli.Access;
using Spectre.Console;

namespace Infra.Cli.Commands;

/// <summary><c>infra validate [--stack NAME]</c>: every stack by default; every error at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository)
    {
        var stack = CommonOptions.Stack(required: false);
        stack.Description += "; default: every stack";
        var command = new Command("validate", "Check the stack configs and the catalogs; exit 0 when valid, 1 when not, 2 on bad usage or a file that cannot be read as YAML.")
        {
            stack,
        };
        command.SetAction(parsed => Run(parsed.GetValue(stack), parsed.GetValue(repository), environment));
        return command;
    }

    private static int Run(string? stackName, string? repository, CliEnvironment environment)
    {
        // Validate reports every error of every stack itself, so it opens the repository but loads on its own.
        if (StackLoading.Open(repository, stackName, environment) is not { } loader)
        {
            return ExitCodes.BadInput;
        }
        var stacks = loader.StackNames();
        var results = (stackName is null ? stacks : [stackName]).Select(s => (Stack: s, Result: loader.LoadFromFiles(s))).ToList();

        // The catalogs are shared by every stack: report each finding once.
        var diagnostics = results.SelectMany(r => r.Result.Diagnostics).Distinct().ToList();
        diagnostics.AddRange(PeopleChecks(loader, results.Select(r => r.Result), environment.Today));
        if (!AccessSettings.TryRead(loader.RepositoryRoot, RemovalLimit.Default, out _, out var accessError))
        {
            diagnostics.Add(accessError);
        }
        foreach (var diagnostic in diagnostics)
        {
            var colour = diagnostic.IsError ? "red" : "yellow";
            environment.Out.MarkupLine($"[{colour}]{Markup.Escape(diagnostic.ToString())}[/]");
        }
        foreach (var (name, result) in results)
        {
            environment.Out.MarkupLine(result.Definition is { } definition
                ? $"[green]{name}: valid[/] ({definition.Services.Count} services, {definition.Databases.Count} databases, {definition.Catalog.Topics.Count} topics, {definition.Catalog.Teams.Count} teams, {definition.Catalog.People.Count} people)"
                : $"[red]{name}: invalid[/] ({result.Errors.Count()} errors)");
        }
        var errors = diagnostics.Count(d => d.IsError);
        if (errors > 0)
        {
            environment.Out.MarkupLine($"[red]{errors} error(s)[/]: fix them and run 'infra validate' again.");
        }
        return diagnostics.Any(d => d.Unreadable) ? ExitCodes.BadInput
            : errors > 0 ? ExitCodes.Failed
            : ExitCodes.Ok;
    }

    /// <summary>
    /// people.yaml's canonical form, and the contracts and grants ending within a week: checks that
    /// need the loaded people, and today (the loader has no clock). They run once the catalogs load.
    /// </summary>
    private static List<Diagnostic> PeopleChecks(StackDefinitionLoader loader, IEnumerable<LoadResult> results, DateOnly today)
    {
        if (results.Select(r => r.Definition).FirstOrDefault(d => d is not null) is not { } definition)
        {
            return [];
        }
        var people = definition.Catalog.People;
        var canonical = PeopleCatalogChecks.Canonical(File.ReadAllText(Path.Combine(loader.RepositoryRoot, StackDefinitionLoader.PeopleFile)), people);
        return [.. canonical is null ? [] : new[] { canonical }, .. PeopleCatalogChecks.EndingSoon(people, today, canonical is null)];
    }
}
