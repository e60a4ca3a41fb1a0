using Infra.Blueprints.Loading;

namespace Infra.Cli.Tests.People;

public sealed class AccessBenchSmokeTests
{
    [Fact]
    public void A_small_roster_runs_once_and_prints_its_figures()
    {
        var run = PeopleCli.Run(RepositoryRoot.Find(AppContext.BaseDirectory), "bench", "access", "--people", "50", "--teams", "5", "--runs", "1");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("50 people, 5 teams", run.Output, StringComparison.Ordinal);
        Assert.Contains("access + report, cold:", run.Output, StringComparison.Ordinal);
    }
}
