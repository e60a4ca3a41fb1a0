namespace Infra.Blueprints.Databases;

/// <summary>The registration of a database's writer endpoint in one Consul datacenter.</summary>
/// <param name="ResourceSuffix">What the node's and service's resource names end with: nothing for the stack's datacenter
/// (the names it had when it was the only one), <c>-&lt;datacenter&gt;</c> for a region's own.</param>
public sealed record ConsulCatalogEntry(string Datacenter, string ResourceSuffix);
