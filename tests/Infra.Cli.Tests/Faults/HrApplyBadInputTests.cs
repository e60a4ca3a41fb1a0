using System.Text;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>hr apply over bad input: one clear error, nothing written, no stack trace.</summary>
public sealed class HrApplyBadInputTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    [Fact]
    public void A_people_yaml_nested_fifty_thousand_levels_deep_is_an_error_not_a_stack_overflow()
    {
        File.AppendAllText(Path.Combine(copy.Root, Files.People), "deep: " + new string('[', 50_000) + new string(']', 50_000) + "\n");
        var before = copy.Read(Files.People);

        var run = Apply(SignedEvents.Hire("evt-deep", "deep"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("stacks/catalog/people.yaml:", run.Output + run.Error, StringComparison.Ordinal);
        Assert.Contains("nested more than 64 levels deep", run.Output + run.Error, StringComparison.Ordinal);
        NoTrace.In(run);
        Assert.Equal(before, copy.Read(Files.People));
    }

    private CliRun Apply(string body) => PeopleCli.Run(copy.Root, "hr", "apply", "--event", SignedEvents.Write(copy.Root, Encoding.UTF8.GetBytes(body)));
}
