using Infra.Blueprints.Loading;
using Infra.Blueprints.Tests.Support;

namespace Infra.Cli.Tests;

public sealed class ValidateCommandTests
{
    private static readonly string Repository = RepositoryRoot.Find(AppContext.BaseDirectory);

    [Fact]
    public void Repository_files_are_valid()
    {
        var run = CliRun.Infra(Repository, "validate");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("staging: valid", run.Output, StringComparison.Ordinal);
        Assert.Contains("production: valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Three_mistakes_are_all_reported_and_exit_1()
    {
        using var copy = new RepositoryCopy()
            .Edit(Files.Staging, "port: 9443", "port: 70000")
            .Edit(Files.Production, "infra:costCenter: CC-4100", "infra:costCenter: CC-41")
            .Edit(Files.People, "approver: lpetit", "approver: aobrien");

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Files.Staging}:{copy.LineOf(Files.Staging, "port: 70000")}: error: infra:services.card-authorizer.port: must be between 1024 and 65535", run.Output, StringComparison.Ordinal);
        Assert.Contains($"{Files.Production}:{copy.LineOf(Files.Production, "CC-41")}: error: infra:costCenter: 'CC-41' is not valid; expected CC- followed by four digits", run.Output, StringComparison.Ordinal);
        Assert.Contains("stacks/catalog/people.yaml", run.Output, StringComparison.Ordinal);
        Assert.Contains("people[1].grants[0].approver: 'aobrien' cannot approve their own grant", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_error_in_a_shared_catalog_is_reported_once()
    {
        using var copy = new RepositoryCopy().Edit(Files.People, "approver: lpetit", "approver: aobrien");

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Output.Split('\n'), line => line.Contains("cannot approve their own grant", StringComparison.Ordinal));
        Assert.Contains("staging: invalid", run.Output, StringComparison.Ordinal);
        Assert.Contains("production: invalid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void One_stack_is_validated_when_asked()
    {
        using var copy = new RepositoryCopy().Edit(Files.Production, "secondary: eu-west-1", "secondary: eu-west-3");

        var run = CliRun.Infra(copy.Root, "validate", "--stack", "staging");

        Assert.Equal(0, run.ExitCode);
        Assert.DoesNotContain("production", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_stack_is_bad_usage()
    {
        var run = CliRun.Infra(Repository, "validate", "--stack", "prod");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--stack prod: no such stack; stacks of this repository: production, staging", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_outside_any_repository_is_bad_usage()
    {
        var empty = Directory.CreateTempSubdirectory("infra-empty-");
        try
        {
            var run = CliRun.Infra(empty.FullName, "validate", "--repository", ".");

            Assert.Equal(2, run.ExitCode);
            Assert.Contains("no Pulumi.yaml there", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("validate", "--bogus")]
    [InlineData("frobnicate")]
    [InlineData("plan")]
    [InlineData("plan", "--stack", "staging", "--output", "xml")]
    public void Bad_usage_exits_2_and_says_why(params string[] args)
    {
        var run = CliRun.Infra(Repository, args);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("infra: ", run.Error, StringComparison.Ordinal);
        Assert.Contains("Run 'infra --help' for usage.", run.Error, StringComparison.Ordinal);
    }
}
