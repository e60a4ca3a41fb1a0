using Infra.Blueprints.People;

namespace Infra.Cli.Access;

/// <summary>The safety limit of <see cref="AccessSettings.File"/> for hr apply and access diff, read once the way validate checks it.</summary>
internal static class RemovalLimit
{
    /// <summary>The limit when stacks/catalog/access.yaml is missing.</summary>
    public const int Default = 3;

    /// <summary>
    /// The limit, or null with the error written and its exit code: <see cref="ExitCodes.BadInput"/> when the file cannot be read as
    /// YAML, <see cref="ExitCodes.Failed"/> when it reads and breaks its rule, as <c>infra validate</c> reports it.
    /// </summary>
    public static int? Read(string repositoryRoot, CliEnvironment environment, string command, out int exitCode)
    {
        if (AccessSettings.TryRead(repositoryRoot, Default, out var settings, out var error))
        {
            exitCode = ExitCodes.Ok;
            return settings.MaxPeopleLosingAccess;
        }
        environment.Error.WriteLine(error.ToString());
        environment.Error.WriteLine($"infra: {command}: {AccessSettings.File} {(error.Unreadable ? "cannot be read" : "is invalid")}; nothing done. Run 'infra validate'.");
        exitCode = error.Unreadable ? ExitCodes.BadInput : ExitCodes.Failed;
        return null;
    }
}
