using System.Text.RegularExpressions;
using Infra.Blueprints.Tests.Support;
using Infra.Cli.Tests.People;

namespace Infra.Cli.Tests.Faults;

/// <summary>Two HR pipelines at once: each run holds the catalog's lock from its first read to its last write.</summary>
public sealed class HrApplyConcurrencyTests : IDisposable
{
    private const string Journal = "stacks/catalog/hr-journal.jsonl";
    private readonly RepositoryCopy copy = new();

    public void Dispose() => copy.Dispose();

    [Fact]
    public void Concurrent_applies_of_different_hires_keep_every_event_exactly_once()
    {
        var people = Enumerable.Range(1, 6).Select(i => $"hire{i}").ToList();
        var events = people.Select(p => SignedEvents.Write(copy.Root, SignedEvents.Hire($"evt-{p}", p))).ToList();
        using var start = new Barrier(events.Count);

        var runs = events.AsParallel().WithDegreeOfParallelism(events.Count).Select(path =>
        {
            start.SignalAndWait();
            return PeopleCli.Run(copy.Root, "hr", "apply", "--event", path);
        }).ToList();

        Assert.All(runs, run => Assert.True(run.ExitCode == 0, run.Error));
        var catalog = copy.Read(Files.People);
        var journal = copy.Read(Journal);
        foreach (var person in people)
        {
            Assert.Single(Regex.Matches(catalog, $"  - id: {person}\n"));
            Assert.Single(Regex.Matches(journal, $"\"id\":\"evt-{person}\""));
        }
        Assert.Equal(people.Count, journal.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.Equal(0, CliRun.Infra(copy.Root, "validate").ExitCode);
    }

    [Fact]
    public void The_same_event_applied_twice_at_once_is_applied_once_and_refused_once()
    {
        var path = SignedEvents.Write(copy.Root, SignedEvents.Hire("evt-same", "twin"));
        using var start = new Barrier(2);

        var runs = new[] { path, path }.AsParallel().WithDegreeOfParallelism(2).Select(p =>
        {
            start.SignalAndWait();
            return PeopleCli.Run(copy.Root, "hr", "apply", "--event", p);
        }).ToList();

        Assert.Equal([0, 1], runs.Select(r => r.ExitCode).Order());
        Assert.Contains("was already applied", runs.Single(r => r.ExitCode == 1).Error, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(copy.Read(Files.People), "  - id: twin\n"));
        Assert.Single(copy.Read(Journal).Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task A_run_waits_for_the_lock_held_by_another()
    {
        var path = SignedEvents.Write(copy.Root, SignedEvents.Hire("evt-wait", "waiter"));
        var held = CatalogLock.Acquire(copy.Root, TimeSpan.Zero, TextWriter.Null, "test");
        Assert.NotNull(held);

        var run = Task.Run(() => PeopleCli.Run(copy.Root, "hr", "apply", "--event", path));
        var first = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMilliseconds(500)));
        Assert.NotSame(run, first);
        held.Dispose();

        var result = await run.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("waiting for another hr command to release stacks/catalog/.hr.lock", result.Error, StringComparison.Ordinal);
    }
}
