using System.Text;
using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Listener rule priorities that never move: a service's is the one it declares
/// (<c>listenerPriority</c>), else the one its name hashes to. Nothing is ever shifted to make
/// room: two services on one priority are a validation error, so that adding a service can never
/// change the rule of one that exists (the added one declares a free priority instead).
/// </summary>
public static class ListenerPriorities
{
    /// <summary>Priorities below this are left to rules made by hand on the shared listener.</summary>
    public const int First = 1000;

    public const int Count = 40_000;

    /// <summary>The highest priority a load balancer rule may have.</summary>
    public const int Highest = 50_000;

    /// <summary>The priority a name hashes to: FNV-1a of its UTF-8 bytes, in [First, First + Count).</summary>
    public static int Derived(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }
        return First + (int)(hash % Count);
    }

    /// <summary>A service's priority: the declared one, else the derived one. It depends on nothing but the service.</summary>
    public static int Of(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return service.ListenerPriority ?? Derived(service.Name);
    }

    /// <summary>Each priority that more than one service gets, with those services.</summary>
    public static IEnumerable<(int Priority, IReadOnlyList<ServiceDefinition> Services)> Collisions(IEnumerable<ServiceDefinition> services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return services
            .GroupBy(Of)
            .Where(g => g.Count() > 1)
            .Select(g => (g.Key, (IReadOnlyList<ServiceDefinition>)[.. g]));
    }
}
