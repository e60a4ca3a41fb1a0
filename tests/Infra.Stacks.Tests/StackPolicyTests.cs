using System.Text.Json;
using Infra.Blueprints.Loading;
using Infra.Cli.Tests;
using Infra.Stacks.Tests.Support;
using Pulumi.Utilities;

namespace Infra.Stacks.Tests;

/// <summary>
/// The stack obeys its own policy pack: the whole program of each stack, run on the mocks, is
/// written as a stack export and checked by `infra compliance` with the repository's enforcement
/// and waivers, as the nightly run checks the live state.
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class StackPolicyTests(DeployedStacks stacks)
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_stack_has_no_mandatory_violation(string stackName)
    {
        var deployment = await stacks.Of(stackName);
        var root = RepositoryRoot.Find(AppContext.BaseDirectory);
        var export = Path.Combine(Path.GetTempPath(), $"infra-{stackName}-{Guid.NewGuid():N}.json");
        try
        {
            await using (var file = File.Create(export))
            {
                StackExportWriter.Write(deployment, await OutputUtilities.GetValueAsync(deployment.Program.Urn), file, SecretsProviderOf(root, stackName));
            }

            var run = CliRun.Infra(root, RecordedPlatformEnvironment.Now, null, "compliance", "--stack", stackName, "--state", export, "--output", "json");

            using var report = JsonDocument.Parse(run.Output);
            var failing = report.RootElement.GetProperty("violations").EnumerateArray()
                .Where(v => v.GetProperty("outcome").GetString() == "failing")
                .Select(v => $"{v.GetProperty("ruleId").GetString()} {v.GetProperty("urn").GetString()}: {v.GetProperty("message").GetString()}")
                .ToList();
            Assert.True(run.ExitCode == 0 && failing.Count == 0,
                $"exit {run.ExitCode}; mandatory violations:\n{string.Join('\n', failing)}\n{run.Error}");
            Assert.True(report.RootElement.GetProperty("resourceCount").GetInt32() > deployment.Resources.Count,
                "the compliance run read fewer resources than the program registered");
        }
        finally
        {
            File.Delete(export);
        }
    }

    [Theory]
    [InlineData("staging", "111122223333")]
    [InlineData("production", "444455556666")]
    public async Task Every_AWS_provider_may_act_on_the_stack_account_only(string stackName, string account)
    {
        var deployment = await stacks.Of(stackName);

        // The regions' providers; the log archive's provider names the archive account (AccountBaseline), the backup
        // account's the backup account (DatabaseBackups).
        var providers = deployment.Resources.Where(r => r.Type == "pulumi:providers:aws" && r.Name != "aws-log-archive" && !r.Name!.StartsWith("aws-backup-account-", StringComparison.Ordinal)).ToList();

        Assert.Equal(2, providers.Count);
        Assert.All(providers, p => Assert.Equal([account], AccountsOf(p)));
    }

    [Theory]
    [InlineData("staging", "555566667777")]
    [InlineData("production", "888899990000")]
    public async Task The_backup_accounts_providers_may_act_on_the_backup_account_only_one_per_region(string stackName, string backupAccount)
    {
        var deployment = await stacks.Of(stackName);

        var providers = deployment.Resources.Where(r => r.Type == "pulumi:providers:aws" && r.Name!.StartsWith("aws-backup-account-", StringComparison.Ordinal)).ToList();

        Assert.Equal(["aws-backup-account-eu-west-1", "aws-backup-account-eu-west-3"], providers.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.All(providers, p => Assert.Equal([backupAccount], AccountsOf(p)));
    }

    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task The_vault_provider_uses_the_pipelines_login_token_for_as_long_as_the_stack_file_says(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        var vault = Assert.Single(deployment.Resources, r => r.Type == "pulumi:providers:vault");

        // Stack files: providerTokenTtl 2h, skipChildToken true; the provider's own default is a 20-minute child token.
        Assert.Equal("7200", vault.Inputs["maxLeaseTtlSeconds"].ToString());
        Assert.Equal("true", vault.Inputs["skipChildToken"].ToString()!.ToLowerInvariant());
    }

    private static string[] AccountsOf(DeployedResource provider) => provider.Inputs.GetValueOrDefault("allowedAccountIds") switch
    {
        string json => JsonSerializer.Deserialize<string[]>(json) ?? [],
        System.Collections.IEnumerable items => [.. items.Cast<object>().Select(i => i.ToString() ?? "")],
        _ => [],
    };

    /// <summary>The <c>secretsprovider</c> line of the stack file.</summary>
    private static string SecretsProviderOf(string root, string stackName) =>
        File.ReadLines(Path.Combine(root, $"Pulumi.{stackName}.yaml"))
            .Single(line => line.StartsWith("secretsprovider: ", StringComparison.Ordinal))["secretsprovider: ".Length..];
}
