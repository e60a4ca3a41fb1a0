using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Network;

/// <summary>Builds the VPC endpoints of every region of a stack: a pure function of the definition.</summary>
public static class VpcEndpointsBlueprints
{
    /// <summary>
    /// What an instance calls: STS (the Vault agent's IAM login), SSM, SSM messages and EC2 messages
    /// (the SSM agent and Session Manager), KMS, CloudWatch Logs and Monitoring, EC2 (Consul's cloud
    /// auto-join) and Auto Scaling (the boot's and the liveness watchdog's health report).
    /// </summary>
    public static IReadOnlyList<string> InterfaceServiceNames { get; } =
        ["sts", "ssm", "ssmmessages", "ec2messages", "kms", "logs", "monitoring", "ec2", "autoscaling"];

    public const string Service = "vpc-endpoints";

    public const string Team = "platform";

    public static EquatableList<VpcEndpointsBlueprint> For(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Networks.Select(n => For(n, definition)).ToEquatableList();
    }

    private static VpcEndpointsBlueprint For(RegionNetwork network, StackDefinition definition) => new(
        $"endpoints-{network.Region}",
        network.Region,
        network.VpcId,
        network.Subnets.Select(s => s.SubnetId).ToEquatableList(),
        network.RouteTableIds,
        InterfaceServiceNames.Select(s => ServiceName(network.Region, s)).ToEquatableList(),
        ServiceName(network.Region, "s3"),
        PrivateDnsEnabled: true,
        new SecurityGroupSettings(
            network.VpcId,
            "VPC interface endpoints",
            [new SecurityRule("in-https-443", RuleDirection.Ingress, "tcp", 443, RulePeer.Cidr(network.Cidr.ToString()), "HTTPS from the VPC")],
            RevokeRulesOnDelete: true),
        // The endpoints carry the restricted fleets' calls to AWS: they are classified as the most sensitive of them.
        StandardTags.For(Service, Team, DataClassification.Restricted, definition));

    /// <summary>The endpoint service name of an AWS service in a region, e.g. com.amazonaws.eu-west-3.sts.</summary>
    public static string ServiceName(string region, string service) => $"com.amazonaws.{region}.{service}";
}
