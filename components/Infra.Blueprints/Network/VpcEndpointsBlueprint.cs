using Infra.Blueprints.Aws;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Network;

/// <summary>
/// The VPC endpoints of one region, which let fleets reach the AWS APIs they need without a route to
/// the internet: one interface endpoint per service in <see cref="InterfaceServices"/> (with private
/// DNS, so the SDKs' default host names resolve to them), behind one security group that accepts
/// HTTPS from the VPC, and the S3 gateway endpoint on the private route tables.
/// </summary>
/// <param name="Name">The component's name; its children are named from it.</param>
public sealed record VpcEndpointsBlueprint(
    string Name,
    string Region,
    string VpcId,
    EquatableList<string> SubnetIds,
    EquatableList<string> RouteTableIds,
    EquatableList<string> InterfaceServices,
    string S3Service,
    bool PrivateDnsEnabled,
    SecurityGroupSettings SecurityGroup,
    EquatableList<ResourceTag> Tags);
