namespace Infra.Blueprints.Definition;

/// <summary>
/// The platform servers of a region that fleets reach, each by its security group (<c>sg-</c>) or
/// managed prefix list (<c>pl-</c>): never by the VPC's CIDR.
/// </summary>
public sealed record PlatformPeers(string Vault, string Consul, string Kafka);
