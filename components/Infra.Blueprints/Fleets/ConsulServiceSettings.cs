using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The service's Consul config entries: its service-defaults (protocol) and its intentions, which
/// allow the services that declare it as a dependency and deny every other caller.
/// </summary>
public sealed record ConsulServiceSettings(string ServiceName, string Protocol, EquatableList<string> AllowedCallers);
