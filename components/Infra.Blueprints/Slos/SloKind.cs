namespace Infra.Blueprints.Slos;

/// <summary>What an SLO counts as a bad request.</summary>
public enum SloKind
{
    /// <summary>A request that ends in a 5xx from the service.</summary>
    Availability,

    /// <summary>A request served slower than the latency threshold.</summary>
    Latency,
}
