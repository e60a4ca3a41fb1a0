using Infra.Blueprints.Definition;
using Infra.Blueprints.Fleets;

namespace Infra.Blueprints.Tests.Fleets;

/// <summary>
/// Both stack files state each service's warm standby minimum, so the standby's cost is a reviewed number in the file,
/// not a default nobody sees; docs/dr.md ("What the warm standby costs") gives the totals this test keeps true.
/// </summary>
public sealed class StandbyMinimumTests
{
    [Theory]
    [InlineData("production")]
    [InlineData("staging")]
    public void Every_service_states_its_standby_minimum_in_the_stack_file(string stack)
    {
        var definition = RepositoryDefinitions.Load(stack);

        Assert.All(definition.Services, s => Assert.True(s.StandbyMinimum is not null, $"infra:services.{s.Name}.standbyMinimum is not set in Pulumi.{stack}.yaml"));
        Assert.All(definition.Services, s => Assert.InRange(s.StandbyMinimum!.Value, FleetCapacity.StandbyMinimum(definition.Environment), int.MaxValue));
    }

    [Theory]
    [InlineData("production", 16, 80)]
    [InlineData("staging", 8, 15)]
    public void The_standby_runs_the_instances_and_vcpus_that_docs_dr_md_states(string stack, int instances, int vcpus)
    {
        var standby = FleetBlueprints.For(RepositoryDefinitions.Load(stack)).Where(f => f.IsStandby).ToList();

        var stated = (standby.Sum(f => f.Capacity.Min), standby.Sum(f => f.Capacity.Min * Vcpus(f.LaunchTemplate.InstanceType)));

        Assert.True((instances, vcpus) == stated, $"the warm standby of {stack} now runs {stated.Item1} instances ({stated.Item2} vCPUs) at its minimum; update docs/dr.md, \"What the warm standby costs\", and this test");
    }

    /// <summary>The vCPUs of the sizes the stacks use (EC2: medium 1, large 2, xlarge 4, 2xlarge 8).</summary>
    private static int Vcpus(string instanceType) => instanceType.Split('.')[1] switch
    {
        "medium" => 1,
        "large" => 2,
        "xlarge" => 4,
        "2xlarge" => 8,
        var size => throw new ArgumentException($"no vCPU count for size {size} of {instanceType}", nameof(instanceType)),
    };
}
