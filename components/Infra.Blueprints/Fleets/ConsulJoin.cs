namespace Infra.Blueprints.Fleets;

/// <summary>
/// How a fleet's Consul agent finds the servers of its datacenter, and the permission that method
/// needs. Cloud auto-join asks EC2 for the instances tagged as servers: <c>ec2:DescribeInstances</c>,
/// which IAM cannot scope to resources (every <c>ec2:Describe*</c> action needs <c>Resource "*"</c>),
/// so the statement is scoped to the fleet's region instead.
/// </summary>
/// <param name="Datacenter">The datacenter the agent belongs to: its region's (<see cref="Definition.ConsulDatacenters"/>).</param>
/// <param name="RetryJoin">The agent's <c>retry_join</c> entry.</param>
/// <param name="Permission">What the instance role must allow for the join to work.</param>
/// <param name="Description">The method in words, for the plan.</param>
public sealed record ConsulJoin(string Datacenter, string RetryJoin, PolicyStatement Permission, string Description)
{
    /// <summary>Consul servers carry this tag, valued with their datacenter; agents find them by it.</summary>
    public const string ServerTag = "consul-server";

    public const string DescribeInstances = "ec2:DescribeInstances";

    public static ConsulJoin CloudAutoJoin(string region, string datacenter) => new(
        datacenter,
        $"provider=aws region={region} tag_key={ServerTag} tag_value={datacenter}",
        new PolicyStatement(
            "ConsulCloudAutoJoin",
            [DescribeInstances],
            ["*"],
            [new PolicyCondition("StringEquals", "aws:RequestedRegion", [region])]),
        $"cloud auto-join: EC2 instances tagged {ServerTag}={datacenter} in {region} ({DescribeInstances}, that region only)");
}
