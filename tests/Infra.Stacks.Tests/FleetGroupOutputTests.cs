using Infra.Components.Tests.Support;
using Infra.Stacks.Tests.Support;
using Pulumi.Utilities;

namespace Infra.Stacks.Tests;

/// <summary>
/// The stack output <c>fleetGroupNames</c> holds every fleet's autoscaling group by region, the warm standby's included:
/// the deploy's wait-for-fleets and fleet health check read it, so they wait for the standby's instance refreshes too.
/// </summary>
[Collection(SharedDeployments.Name)]
public sealed class FleetGroupOutputTests(DeployedStacks stacks)
{
    [Theory]
    [InlineData("staging")]
    [InlineData("production")]
    public async Task Fleet_group_names_are_every_group_of_each_region_primary_and_standby(string stackName)
    {
        var deployment = await stacks.Of(stackName);

        var output = await OutputUtilities.GetValueAsync(deployment.Program.FleetGroupNames);

        var definition = deployment.Program.Definition;
        Assert.Equal([definition.Regions.Secondary, definition.Regions.Primary], output.Keys.Order(StringComparer.Ordinal));
        foreach (var (region, names) in output)
        {
            var groups = deployment.Resources.Where(r => r.Type == "aws:autoscaling/group:Group" && RecordingMocks.ProviderId(r.Provider) == $"aws-{region}-id")
                .Select(r => r.Name).Order(StringComparer.Ordinal);
            Assert.Equal(definition.Services.Count, names.Length);
            Assert.Equal(groups, names.Order(StringComparer.Ordinal));
        }
        Assert.All(output[definition.Regions.Secondary], name => Assert.EndsWith($"-{definition.Regions.Secondary}-asg", name, StringComparison.Ordinal));
    }
}
