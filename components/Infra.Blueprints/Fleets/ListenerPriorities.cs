using System.Text;

namespace Infra.Blueprints.Fleets;

/// <summary>
/// Listener rule priorities derived from service names, so that a service keeps its priority
/// whatever else is added to or removed from the stack. Two names may hash to the same priority:
/// then the services are taken in name order and each later one moves to the next free priority.
/// The result depends only on the set of names, never on the order they were declared in.
/// </summary>
public static class ListenerPriorities
{
    /// <summary>Priorities below this are left to rules made by hand on the shared listener.</summary>
    public const int First = 1000;

    public const int Count = 40_000;

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

    /// <summary>A unique priority per name.</summary>
    public static IReadOnlyDictionary<string, int> Assign(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var taken = new HashSet<int>();
        var assigned = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in names.Distinct().Order(StringComparer.Ordinal))
        {
            var priority = Derived(name);
            while (!taken.Add(priority))
            {
                priority = priority + 1 == First + Count ? First : priority + 1;
            }
            assigned[name] = priority;
        }
        return assigned;
    }
}
