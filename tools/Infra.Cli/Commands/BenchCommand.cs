using System.CommandLine;

namespace Infra.Cli.Commands;

/// <summary>
/// <c>infra bench kafka|access|compliance</c>: benchmarks that time themselves on generated data
/// (<see cref="KafkaBenchCommand"/>, <see cref="AccessBenchCommand"/>, <see cref="ComplianceBenchCommand"/>).
/// </summary>
internal static class BenchCommand
{
    public static Command Create(CliEnvironment environment, Option<string?> repository) =>
        new("bench", "Benchmarks that time themselves (run them on a quiet machine).")
        {
            KafkaBenchCommand.Create(environment),
            AccessBenchCommand.Create(environment, repository),
            ComplianceBenchCommand.Create(environment),
        };
}
