using System.Diagnostics;
using Infra.Blueprints.People;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests.People;

/// <summary><c>infra access diff</c> between two git revisions of the catalogs, in a throw-away git repository.</summary>
public sealed class AccessRevisionDiffTests : IDisposable
{
    private readonly RepositoryCopy copy = new();

    public AccessRevisionDiffTests()
    {
        Git("init", "--quiet");
        Commit("catalogs as in the repository");
        copy.Edit(Files.People, "    start: 2023-01-09\n", "    start: 2023-01-09\n    end: 2026-11-20\n");
        Commit("hlambert left");
    }

    public void Dispose() => copy.Dispose();

    [Fact]
    public void The_diff_between_two_revisions_shows_what_the_change_removed()
    {
        var run = PeopleCli.Run(copy.Root, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-11-22", "--from-revision", "HEAD~1", "--to-revision", "HEAD");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains("1 lose access (hlambert)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_revision_against_the_working_tree()
    {
        var run = PeopleCli.Run(copy.Root, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-11-22", "--from-revision", "HEAD");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("none", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void With_the_limit_enforced_a_change_removing_access_from_too_many_people_stops_and_a_leaver_does_not()
    {
        copy.Edit(AccessSettings.File, "maxPeopleLosingAccess: 3", "maxPeopleLosingAccess: 0");
        var leaver = PeopleCli.Run(copy.Root, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-11-22", "--from-revision", "HEAD~1", "--to-revision", "HEAD", "--enforce-limit");
        copy.Edit(AccessSettings.File, "maxPeopleLosingAccess: 0", "maxPeopleLosingAccess: 3");
        copy.Edit(Files.Teams, "      consul: read\n      vault:\n        - { path: kv/data/teams/risk/*", "      consul: none\n      vault:\n        - { path: kv/data/teams/risk/*");

        var bulk = PeopleCli.Run(copy.Root, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-11-22", "--from-revision", "HEAD", "--enforce-limit");

        Assert.True(leaver.ExitCode == 0, leaver.Error);
        Assert.Equal(1, bulk.ExitCode);
        Assert.Contains("people lose access for another reason than an end date or an expired grant (cbernard, imuller, nbrennan, tmercier), more than the limit of 3", bulk.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_revision_is_bad_usage()
    {
        var run = PeopleCli.Run(copy.Root, "access", "diff", "--stack", "staging", "--from", "2026-11-22", "--to", "2026-11-22", "--from-revision", "no-such-branch");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("revision no-such-branch: git ls-tree", run.Error, StringComparison.Ordinal);
    }

    private void Commit(string message)
    {
        Git("add", "-A");
        Git("-c", "user.name=Test", "-c", "user.email=test@example-bank.eu", "commit", "--quiet", "-m", message);
    }

    private void Git(params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = copy.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, error);
    }
}
