namespace Infra.Blueprints.Fleets;

/// <summary>
/// The service in Consul: its name and how its agent joins the datacenter (<see cref="Join"/>).
/// Consul is service discovery here, not a control: without Connect sidecars nothing enforces
/// intentions, so there are none, and the fleets' security groups decide who reaches whom.
/// </summary>
public sealed record ConsulServiceSettings(string ServiceName, ConsulJoin Join);
