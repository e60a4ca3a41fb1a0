using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// The egress proxy as a service's instances use it: every process started after boot gets
/// <c>HTTPS_PROXY</c>/<c>HTTP_PROXY</c> set to <see cref="Url"/>, and <see cref="NoProxy"/> for what
/// is reached directly inside the VPC (the platform's hosts, Consul names, the AWS endpoints, the
/// instance metadata, the VPC's addresses), so that only the declared <see cref="Destinations"/>
/// go through the proxy, which allows nothing else.
/// </summary>
public sealed record ProxySettings(Uri Url, EquatableList<string> NoProxy, EquatableList<string> Destinations)
{
    /// <summary>The proxy settings of a service that declares egress, in a region that has a proxy; otherwise none.</summary>
    public static ProxySettings? For(ServiceDefinition service, StackDefinition stack, RegionNetwork network)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(network);
        if (service.Egress.Count == 0 || network.EgressProxy is not { } proxy)
        {
            return null;
        }
        var endpoints = stack.Endpoints;
        EquatableList<string> direct =
        [
            "localhost",
            "127.0.0.1",
            "169.254.169.254",
            ".consul",
            ".amazonaws.com",
            endpoints.Vault.Host,
            endpoints.Consul.Host,
            .. endpoints.KafkaBrokers.Select(b => b[..b.LastIndexOf(':')]).Distinct(StringComparer.Ordinal),
            network.Cidr.ToString(),
        ];
        return new ProxySettings(proxy.Url, direct, service.Egress);
    }
}
