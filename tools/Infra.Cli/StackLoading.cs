using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Cli;

/// <summary>Loads the stacks a command works on, and reports why when they cannot be loaded.</summary>
internal static class StackLoading
{
    /// <summary>Every stack of the repository, or null (errors written) when one is invalid.</summary>
    public static IReadOnlyList<StackDefinition>? All(StackDefinitionLoader loader, CliEnvironment environment, string command)
    {
        var definitions = new List<StackDefinition>();
        foreach (var stack in loader.StackNames())
        {
            if (One(loader, stack, environment, command) is not { } definition)
            {
                return null;
            }
            definitions.Add(definition);
        }
        return definitions;
    }

    /// <summary>One stack, or null (errors written) when it is invalid.</summary>
    public static StackDefinition? One(StackDefinitionLoader loader, string stack, CliEnvironment environment, string command)
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
        environment.Error.WriteLine($"infra: {command}: stack '{stack}' is invalid ({result.Errors.Count()} errors); nothing done. Run 'infra validate --stack {stack}'.");
        return null;
    }

    /// <summary>Whether the stack exists; when not, says which do (bad usage).</summary>
    public static bool Exists(StackDefinitionLoader loader, string stack, CliEnvironment environment)
    {
        if (loader.StackNames().Contains(stack))
        {
            return true;
        }
        environment.Error.WriteLine($"infra: --stack {stack}: no such stack; stacks of this repository: {string.Join(", ", loader.StackNames())}");
        return false;
    }
}
