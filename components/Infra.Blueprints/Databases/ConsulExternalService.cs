using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The global writer endpoint registered in Consul as an external service, so that applications find
/// the writer as <c>&lt;database&gt;.service.consul</c> in whichever region is primary, right after a switch.
/// </summary>
/// <param name="NodeName">The catalog node that holds the external service; no agent runs there.</param>
public sealed record ConsulExternalService(string NodeName, string ServiceName, int Port, EquatableList<string> Tags, EquatableList<string> DnsNames);
