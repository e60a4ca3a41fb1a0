using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The service in Consul: how its agent joins the datacenter (<see cref="Join"/>), its
/// service-defaults (protocol) and its intentions, which allow the services that declare it as a
/// dependency and deny every other caller.
/// </summary>
public sealed record ConsulServiceSettings(string ServiceName, string Protocol, EquatableList<string> AllowedCallers, ConsulJoin Join);
