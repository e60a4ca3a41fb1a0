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
            .Edit(Files.People, "approver: lpetit\n", "approver: aobrien\n");

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
        using var copy = new RepositoryCopy().Edit(Files.People, "approver: lpetit\n", "approver: aobrien\n");

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

    [Theory]
    [InlineData("maxPeopleLosingAccess: -1", 1, ":4: error: maxPeopleLosingAccess: must be a whole number of 0 or more (how many people may lose access in one run); found '-1'")]
    [InlineData("maxPeopleLosingAccess: many", 1, ":4: error: maxPeopleLosingAccess: must be a whole number of 0 or more (how many people may lose access in one run); found 'many'")]
    [InlineData("maxPeople: 3", 1, ":4: error: expected exactly one key, maxPeopleLosingAccess, with a whole number of 0 or more")]
    [InlineData("maxPeopleLosingAccess: [3", 2, ":4: error: is not valid YAML at column 24")]
    public void Access_settings_are_validated_with_their_line(string line, int exitCode, string error)
    {
        using var copy = new RepositoryCopy().Edit(AccessSettingsFile, "maxPeopleLosingAccess: 3", line);

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.True(run.ExitCode == exitCode, $"exit {run.ExitCode}\n{run.Output}{run.Error}");
        Assert.Contains(AccessSettingsFile + error, run.Output, StringComparison.Ordinal);
        Assert.Contains("1 error(s)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Access_settings_that_are_a_folder_are_bad_input_not_the_default_limit()
    {
        using var copy = new RepositoryCopy();
        copy.Delete(AccessSettingsFile);
        Directory.CreateDirectory(Path.Combine(copy.Root, AccessSettingsFile));

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{AccessSettingsFile}: error: is a folder; expected a file holding maxPeopleLosingAccess: N", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Pulumi..yaml")]
    [InlineData("Pulumi.my stack.yaml")]
    public void A_stack_file_whose_name_is_no_stack_name_is_bad_input(string file)
    {
        using var copy = new RepositoryCopy();
        File.Copy(Path.Combine(copy.Root, Files.Staging), Path.Combine(copy.Root, file));

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"{file}: error: '{file}' names no stack; a stack file is Pulumi.<stack>.yaml", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(": valid", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Windows_line_endings_in_people_yaml_are_named_as_such()
    {
        using var copy = new RepositoryCopy();
        var path = Path.Combine(copy.Root, Files.People);
        File.WriteAllText(path, File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal));

        var run = CliRun.Infra(copy.Root, "validate");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"{Files.People}:1: error: has Windows line endings (CRLF) from this line on; the file's lines end with LF alone. Run 'infra hr format' to rewrite it", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("canonical form", run.Output, StringComparison.Ordinal);
    }

    private const string AccessSettingsFile = Infra.Blueprints.People.AccessSettings.File;
}
