namespace Infra.Blueprints.Definition;

/// <summary>
/// Which Consul datacenter serves each region of a stack: the one its network declares
/// (<c>infra:networks.&lt;region&gt;.consul</c>), else the stack's datacenter (<c>infra:endpoints.consul</c>), which
/// also holds the ACLs (people's tokens) and is the WAN federation's primary.
/// </summary>
public static class ConsulDatacenters
{
    /// <summary>The datacenter whose servers a fleet of <paramref name="region"/> joins and whose catalog its callers read.</summary>
    public static RegionConsul Of(StackDefinition definition, string region)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.Networks.SingleOrDefault(n => n.Region == region)?.Consul ?? Stack(definition);
    }

    /// <summary>Every datacenter of the stack, the stack's own first, each once.</summary>
    public static EquatableList<RegionConsul> All(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new[] { Stack(definition) }
            .Concat(definition.Networks.Select(n => n.Consul).OfType<RegionConsul>())
            .DistinctBy(c => c.Datacenter, StringComparer.Ordinal)
            .ToEquatableList();
    }

    /// <summary>The stack's datacenter: <c>infra:endpoints.consul</c> and <c>consulDatacenter</c>.</summary>
    public static RegionConsul Stack(StackDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return new RegionConsul(definition.Endpoints.Consul, definition.Endpoints.ConsulDatacenter);
    }
}
