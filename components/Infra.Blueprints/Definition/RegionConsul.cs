namespace Infra.Blueprints.Definition;

/// <summary>
/// The Consul datacenter of one region: its servers' API and its name. Its servers (and their WAN federation with
/// the stack's datacenter in <see cref="PlatformEndpoints"/>) run outside this program (docs/dr.md).
/// </summary>
public sealed record RegionConsul(Uri Address, string Datacenter);
