using System.Text.Json;
using Infra.Components.Account;
using Infra.Stacks.Tests.Support;

namespace Infra.Stacks.Tests;

/// <summary>The account baseline each repository stack registers, in the mode its stack file names.</summary>
[Collection(SharedDeployments.Name)]
public sealed class AccountBaselineOnStackTests(DeployedStacks stacks)
{
    [Fact]
    public async Task Staging_manages_its_baseline_with_the_trail_in_the_log_archive_account()
    {
        var deployment = await stacks.Of("staging");

        var component = Assert.Single(deployment.Resources, r => r.Type == AccountBaseline.TypeToken);
        Assert.Equal("account-baseline", component.Name);
        var trail = Assert.Single(deployment.Resources, r => r.Type == "aws:cloudtrail/trail:Trail");
        Assert.Equal(component.Urn, trail.ParentUrn);
        var bucket = Assert.Single(deployment.Resources, r => r.Type == "aws:s3/bucket:Bucket" && r.ParentUrn == component.Urn);
        var archive = Assert.Single(deployment.Resources, r => r.IsProvider && bucket.Provider!.StartsWith(r.Urn + "::", StringComparison.Ordinal));
        Assert.Equal("aws-log-archive", archive.Name);
        // A provider's inputs reach the engine as JSON text.
        Assert.Equal(["777788889999"], JsonSerializer.Deserialize<string[]>((string)archive.Inputs["allowedAccountIds"])!);
        var role = Assert.Single(JsonSerializer.Deserialize<Dictionary<string, string>[]>((string)archive.Inputs["assumeRoles"])!);
        Assert.Equal("arn:aws:iam::777788889999:role/infra-log-archive", role["roleArn"]);
        Assert.Equal(
            deployment.Program.Definition.Networks.Select(n => n.VpcId).Order(StringComparer.Ordinal),
            deployment.Resources.Where(r => r.Type == "aws:ec2/flowLog:FlowLog").Select(f => (string)f.Inputs["vpcId"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Production_only_checks_the_baseline_the_central_security_account_runs()
    {
        var deployment = await stacks.Of("production");

        var component = Assert.Single(deployment.Resources, r => r.Type == AccountBaseline.TypeToken);
        Assert.Equal("account-baseline", component.Name);
        Assert.DoesNotContain(deployment.Resources, r => r.ParentUrn == component.Urn);
        Assert.DoesNotContain(deployment.Resources, r => r.Name == "aws-log-archive");
    }
}
