using System.Collections;

namespace Infra.Policies.Model;

/// <summary>All resources of one stack (or one preview), indexed by URN, type and provider id. Read-only once built, so rules may run in parallel over it.</summary>
public sealed class ResourceSet : IReadOnlyList<PolicyResource>
{
    private readonly List<PolicyResource> _resources;
    private readonly Dictionary<string, PolicyResource> _byUrn;
    private readonly Dictionary<string, List<PolicyResource>> _byType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, PolicyResource> _byId;
    private readonly Dictionary<string, object> _derived = new(StringComparer.Ordinal);
    private readonly Lock _derivedLock = new();

    public ResourceSet(IEnumerable<PolicyResource> resources)
    {
        _resources = [.. resources];

        // Sized once: growing step by step rehashes every URN again and leaves large arrays behind for the GC.
        _byUrn = new(_resources.Count, StringComparer.Ordinal);
        _byId = new(_resources.Count, StringComparer.Ordinal);
        foreach (var resource in _resources)
        {
            _byUrn[resource.Urn] = resource;
            if (!_byType.TryGetValue(resource.Type, out var list))
            {
                _byType[resource.Type] = list = [];
            }

            list.Add(resource);
            if (resource.Id is { Length: > 0 } id)
            {
                _byId.TryAdd(id, resource);
            }
        }
    }

    public static ResourceSet Empty { get; } = new([]);

    /// <summary>What a preview deletes or replaces, in step order; empty for a stack export and in the policy pack (the engine sends final states only).</summary>
    public IReadOnlyList<DestructiveStep> DestructiveSteps { get; init; } = [];

    /// <summary>The secrets provider of the state the set was read from; null when unknown (a preview, or an export without one).</summary>
    public StateSecretsProvider? SecretsProvider { get; init; }

    public int Count => _resources.Count;

    public PolicyResource this[int index] => _resources[index];

    public IReadOnlyList<PolicyResource> OfType(string type) =>
        _byType.TryGetValue(type, out var list) ? list : [];

    public PolicyResource? FindByUrn(string urn) => _byUrn.GetValueOrDefault(urn);

    /// <summary>The resource with this provider-assigned id (e.g. <c>sg-0123</c>), if it is in the set.</summary>
    public PolicyResource? FindById(string id) => _byId.GetValueOrDefault(id);

    /// <summary>
    /// An index derived from this set, built once and shared by the rules that need it (e.g. bucket configurations by
    /// bucket); <paramref name="key"/> names the index.
    /// </summary>
    public T Derived<T>(string key, Func<ResourceSet, T> build)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(build);
        lock (_derivedLock)
        {
            if (_derived.TryGetValue(key, out var existing))
            {
                return (T)existing;
            }

            var created = build(this);
            _derived[key] = created;
            return created;
        }
    }

    public IEnumerator<PolicyResource> GetEnumerator() => _resources.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
