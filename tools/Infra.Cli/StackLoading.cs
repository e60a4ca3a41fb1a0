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
    /// The exit code of every command when a stack or the catalogs it loads are invalid: the files
    /// were read and break the rules of the stack definition, as <c>infra validate</c> reports them
    /// (exit 1 there too). Unreadable input and bad usage stay <see cref="ExitCodes.BadInput"/>.
    /// </summary>
    public const int InvalidStack = ExitCodes.Failed;

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
        return Definition(loader, stack, environment, command, consequence) is { } definition
            ? new LoadedStack(loader, definition, ExitCodes.Ok)
            : LoadedStack.Failed(InvalidStack);
    }

    /// <summary>
    /// Opens the repository and, when <paramref name="stack"/> is given, checks that it is one of its stacks;
    /// null (the reason written; bad usage) when either fails.
    /// </summary>
    public static StackDefinitionLoader? Open(string? repository, string? stack, CliEnvironment environment) =>
        RepositoryLocator.Open(repository, environment) is { } loader && (stack is null || Exists(loader, stack, environment))
            ? loader
            : null;

    /// <summary>Every stack of the repository, or null (errors written; exit <see cref="InvalidStack"/>) when one is invalid.</summary>
    public static IReadOnlyList<StackDefinition>? All(StackDefinitionLoader loader, CliEnvironment environment, string command)
    {
        var definitions = new List<StackDefinition>();
        foreach (var stack in loader.StackNames())
        {
            if (Definition(loader, stack, environment, command) is not { } definition)
            {
                return null;
            }
            definitions.Add(definition);
        }
        return definitions;
    }

    /// <summary>One stack of an opened repository, or null (errors written; exit <see cref="InvalidStack"/>) when it is invalid.</summary>
    public static StackDefinition? Definition(StackDefinitionLoader loader, string stack, CliEnvironment environment, string command, string consequence = "nothing done")
    {
        var result = loader.LoadFromFiles(stack);
        if (result.Definition is { } definition)
        {
            return definition;
        }
        foreach (var error in result.Errors)
        {
            environment.Error.WriteLine(error.ToString());
        }
        environment.Error.WriteLine($"infra: {command}: stack '{stack}' is invalid ({result.Errors.Count()} errors); {consequence}. Run 'infra validate --stack {stack}'.");
        return null;
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
