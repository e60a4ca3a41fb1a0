namespace Infra.Blueprints.Fleets;

/// <summary>
/// The check that decides replacement, run on the instance by its liveness watchdog: the
/// service's liveness path on localhost, and the Vault and Consul agents' units. After
/// <see cref="UnhealthyThreshold"/> failures in a row the instance reports itself Unhealthy to its
/// group (<c>autoscaling:SetInstanceHealth</c>, respecting the grace period), which replaces it.
/// </summary>
public sealed record LivenessCheck(string Path, string Protocol, int Port, int IntervalSeconds, int TimeoutSeconds, int UnhealthyThreshold)
{
    /// <summary>The URL the watchdog probes.</summary>
    public string Url => $"{Protocol.ToLowerInvariant()}://localhost:{Port}{Path}";
}
