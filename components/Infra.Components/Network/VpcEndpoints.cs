using Infra.Blueprints.Aws;
using Infra.Components.Fleets;
using Pulumi;
using Pulumi.Aws.Ec2;

namespace Infra.Components.Network;

/// <summary>
/// The VPC endpoints of one region, mapped from its <see cref="Infra.Blueprints.Network.VpcEndpointsBlueprint"/>:
/// the endpoints' security group and its rules, one interface endpoint per AWS service, and the S3
/// gateway endpoint. Outputs: <see cref="SecurityGroupId"/> (the fleets' HTTPS egress goes to it)
/// and <see cref="S3PrefixListId"/> (the prefix list of S3 in the region, for the same).
/// </summary>
public sealed class VpcEndpoints : ComponentResource
{
    public const string TypeToken = "infra:network:VpcEndpoints";

    public VpcEndpoints(string name, VpcEndpointsArgs args, ComponentResourceOptions? options = null)
        : base(TypeToken, name, options)
    {
        ArgumentNullException.ThrowIfNull(args);
        var blueprint = RequiredArgs.Require(args.Blueprint, nameof(VpcEndpointsArgs.Blueprint), "the endpoints map their blueprint");
        var aws = RequiredArgs.Require(args.Aws, nameof(VpcEndpointsArgs.Aws), "the Pulumi.Aws.Provider of the endpoints' region");
        var onAws = new CustomResourceOptions { Parent = this, Provider = aws };
        var tags = ResourceTags.Map(blueprint.Tags);

        var securityGroup = new SecurityGroup($"{name}-sg", new SecurityGroupArgs
        {
            VpcId = blueprint.VpcId,
            Description = blueprint.SecurityGroup.Description,
            RevokeRulesOnDelete = blueprint.SecurityGroup.RevokeRulesOnDelete,
            Tags = tags,
        }, onAws);
        foreach (var rule in blueprint.SecurityGroup.Rules)
        {
            _ = SecurityRuleResources.Create($"{name}-{rule.Key}", rule, securityGroup.Id, null, blueprint.Tags, onAws);
        }
        foreach (var service in blueprint.InterfaceServices)
        {
            _ = new VpcEndpoint($"{name}-{service[(service.LastIndexOf('.') + 1)..]}", new VpcEndpointArgs
            {
                VpcId = blueprint.VpcId,
                ServiceName = service,
                VpcEndpointType = "Interface",
                SubnetIds = blueprint.SubnetIds.ToList(),
                SecurityGroupIds = { securityGroup.Id },
                PrivateDnsEnabled = blueprint.PrivateDnsEnabled,
                Tags = tags,
            }, onAws);
        }
        var s3 = new VpcEndpoint($"{name}-s3", new VpcEndpointArgs
        {
            VpcId = blueprint.VpcId,
            ServiceName = blueprint.S3Service,
            VpcEndpointType = "Gateway",
            RouteTableIds = blueprint.RouteTableIds.ToList(),
            Tags = tags,
        }, onAws);

        SecurityGroupId = securityGroup.Id;
        S3PrefixListId = s3.PrefixListId;
        RegisterOutputs(new Dictionary<string, object?>
        {
            ["securityGroupId"] = SecurityGroupId,
            ["s3PrefixListId"] = S3PrefixListId,
        });
    }

    [Output("securityGroupId")]
    public Output<string> SecurityGroupId { get; private set; }

    [Output("s3PrefixListId")]
    public Output<string> S3PrefixListId { get; private set; }

    /// <summary>The id an egress rule to <paramref name="peer"/> (one of <see cref="RulePeer.InterfaceEndpoints"/> and <see cref="RulePeer.S3Gateway"/>) names.</summary>
    public Input<string> IdOf(RulePeer peer)
    {
        ArgumentNullException.ThrowIfNull(peer);
        return peer == RulePeer.S3Gateway ? S3PrefixListId
            : peer == RulePeer.InterfaceEndpoints ? SecurityGroupId
            : throw new ArgumentException($"{peer} is not a VPC endpoint peer", nameof(peer));
    }
}
