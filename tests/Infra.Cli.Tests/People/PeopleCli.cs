using Infra.Cli.Commands;

namespace Infra.Cli.Tests.People;

/// <summary>
/// Runs the people commands (hr, access, bench access) through <c>infra</c>'s own command line,
/// with a fixed clock and the HR secret as the only environment variable (or none).
/// </summary>
internal static class PeopleCli
{
    public const string Secret = "test-secret-shared-with-hr-0123456789abcdef";

    public static CliRun Run(string workingDirectory, params string[] args) => Run(workingDirectory, CliRun.Now, Secret, args);

    public static CliRun Run(string workingDirectory, DateTimeOffset now, string? secret, params string[] args) =>
        CliRun.Infra(workingDirectory, now, Variables(secret), args);

    public static (CliEnvironment Environment, StringWriter Output, StringWriter Error) Environment(string workingDirectory, DateTimeOffset now, string? secret) =>
        CliRun.Environment(workingDirectory, now, Variables(secret));

    private static Dictionary<string, string> Variables(string? secret) =>
        secret is null ? [] : new(StringComparer.Ordinal) { [HrCommand.SecretVariable] = secret };
}
