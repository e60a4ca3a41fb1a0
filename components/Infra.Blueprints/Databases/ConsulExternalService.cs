using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The global writer endpoint registered in Consul as an external service, so that applications find
/// the writer as <c>&lt;database&gt;.service.consul</c> in whichever region is primary, right after a switch.
/// It is registered in every datacenter of the stack (<see cref="Catalogs"/>): each region's callers read their own
/// datacenter's catalog, so the name resolves in a region whose datacenter is the only one left.
/// </summary>
/// <param name="NodeName">The catalog node that holds the external service; no agent runs there.</param>
/// <param name="Catalogs">Where the service is registered, the stack's datacenter first.</param>
public sealed record ConsulExternalService(string NodeName, string ServiceName, int Port, EquatableList<string> Tags, EquatableList<string> DnsNames,
    EquatableList<ConsulCatalogEntry> Catalogs);
