using System.Diagnostics.CodeAnalysis;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Cli;

/// <summary>
/// The one setup path of the commands that work on a stack: open the repository, check the stack
/// exists, load it and report its errors. Whatever goes wrong is written to standard error and
/// comes back as the exit code the command returns.
/// </summary>
internal static class StackLoading
{
    /// <summary>
    /// The exit code of every command when a stack cannot be loaded: <see cref="ExitCodes.BadInput"/> when a
    /// file could not be read as YAML (missing, unreadable, a syntax error), <see cref="ExitCodes.Failed"/>
    /// when the files were read and break the rules of the stack definition, as <c>infra validate</c> reports them.
    /// </summary>
    public static int ExitCode(LoadResult result) => result.Unreadable ? ExitCodes.BadInput : ExitCodes.Failed;

    /// <summary>
    /// Opens the repository, checks that <paramref name="stack"/> is one of its stacks and loads it. When the
    /// stack is invalid, its errors are written, then <c>infra: COMMAND: stack 'NAME' is invalid (N errors); CONSEQUENCE.</c>
    /// </summary>
    public static LoadedStack Load(string? repository, string stack, CliEnvironment environment, string command, string consequence = "nothing done")
    {
        if (Open(repository, stack, environment) is not { } loader)
        {
            return LoadedStack.Failed(ExitCodes.BadInput);
        }
        return Definition(loader, stack, environment, command, consequence);
    }

    /// <summary>
    /// Opens the repository and, when <paramref name="stack"/> is given, checks that it is one of its stacks;
    /// null (the reason written; bad usage) when either fails.
    /// </summary>
    public static StackDefinitionLoader? Open(string? repository, string? stack, CliEnvironment environment) =>
        RepositoryLocator.Open(repository, environment) is { } loader && (stack is null || Exists(loader, stack, environment))
            ? loader
            : null;

    /// <summary>Every stack of the repository, at least one, or none and the <see cref="ExitCode"/> of the first that does not load (its errors written).</summary>
    public static (IReadOnlyList<StackDefinition> Definitions, int ExitCode) All(StackDefinitionLoader loader, CliEnvironment environment, string command)
    {
        if (loader.StackNames().Count == 0)
        {
            environment.Error.WriteLine($"infra: {command}: the repository has no stack; expected at least one Pulumi.<stack>.yaml beside Pulumi.yaml");
            return ([], ExitCodes.BadInput);
        }
        var definitions = new List<StackDefinition>();
        foreach (var stack in loader.StackNames())
        {
            var loaded = Definition(loader, stack, environment, command);
            if (!loaded.Loaded)
            {
                return ([], loaded.ExitCode);
            }
            definitions.Add(loaded.Definition);
        }
        return (definitions, ExitCodes.Ok);
    }

    /// <summary>One stack of an opened repository, or, when it does not load, its <see cref="ExitCode"/> (errors written).</summary>
    public static LoadedStack Definition(StackDefinitionLoader loader, string stack, CliEnvironment environment, string command, string consequence = "nothing done")
    {
        var result = loader.LoadFromFiles(stack);
        if (result.Definition is { } definition)
        {
            return new LoadedStack(loader, definition, ExitCodes.Ok);
        }
        foreach (var error in result.Errors)
        {
            environment.Error.WriteLine(error.ToString());
        }
        var state = result.Unreadable ? "cannot be read" : "is invalid";
        environment.Error.WriteLine($"infra: {command}: stack '{stack}' {state} ({result.Errors.Count()} errors); {consequence}. Run 'infra validate --stack {stack}'.");
        return LoadedStack.Failed(ExitCode(result));
    }

    /// <summary>Whether the stack exists; when not, says which do (bad usage).</summary>
    private static bool Exists(StackDefinitionLoader loader, string stack, CliEnvironment environment)
    {
        if (loader.StackNames().Contains(stack))
        {
            return true;
        }
        environment.Error.WriteLine($"infra: --stack {stack}: no such stack; stacks of this repository: {string.Join(", ", loader.StackNames())}");
        return false;
    }
}

/// <summary>A loaded stack and its repository, or the exit code that says why there is none.</summary>
internal sealed record LoadedStack(StackDefinitionLoader? Loader, StackDefinition? Definition, int ExitCode)
{
    [MemberNotNullWhen(true, nameof(Loader), nameof(Definition))]
    public bool Loaded => Definition is not null;

    public static LoadedStack Failed(int exitCode) => new(null, null, exitCode);
}
