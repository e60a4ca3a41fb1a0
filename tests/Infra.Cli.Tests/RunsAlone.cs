namespace Infra.Cli.Tests;

/// <summary>Tests that change process-wide state (a region without garbage collections) run alone, after the others.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "runs alone";
}
