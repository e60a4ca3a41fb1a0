using System.Text.RegularExpressions;
using Infra.Blueprints.Definition;
using Infra.Blueprints.Loading;

namespace Infra.Blueprints.Validation;

/// <summary>
/// Ids written into a stack file before the real ones were known, in a documented form that no AWS id
/// takes by chance: the usual prefix, then ten zeros, then seven hexadecimal digits
/// (<c>sg-0000000000</c>5a75cec). <c>infra validate</c> warns about each one, and the program refuses
/// <c>pulumi up</c> while any is left (a preview still runs, so the rest of a change can be reviewed).
/// </summary>
public static partial class PlaceholderIds
{
    /// <summary>One placeholder: where it is (the key path) and what real id belongs there.</summary>
    public sealed record Found(string KeyPath, string Id, string What);

    public static bool IsPlaceholder(string id) => Form().IsMatch(id);

    /// <summary>Every placeholder among the ids of the networks that were not known when they were added.</summary>
    public static IReadOnlyList<Found> In(IEnumerable<RegionNetwork> networks)
    {
        ArgumentNullException.ThrowIfNull(networks);
        var found = new List<Found>();
        foreach (var network in networks)
        {
            var path = KeyPath.Child(StackConfigReader.Qualified(StackConfigKeys.Networks), network.Region);
            for (var i = 0; i < network.RouteTableIds.Count; i++)
            {
                Add(found, KeyPath.Item(KeyPath.Child(path, "routeTableIds"), i), network.RouteTableIds[i], "private route table");
            }
            var peers = KeyPath.Child(path, "platformPeers");
            Add(found, KeyPath.Child(peers, "vault"), network.Peers.Vault, "security group or prefix list of Vault");
            Add(found, KeyPath.Child(peers, "consul"), network.Peers.Consul, "security group or prefix list of the Consul servers");
            Add(found, KeyPath.Child(peers, "kafka"), network.Peers.Kafka, "security group or prefix list of the Kafka brokers");
            if (network.EgressProxy is { } proxy)
            {
                Add(found, KeyPath.Child(KeyPath.Child(path, "egressProxy"), "securityGroupId"), proxy.SecurityGroupId, "security group of the egress proxy");
            }
        }
        return found;
    }

    /// <summary>The message of one placeholder, for the warning and for the refusal.</summary>
    public static string Describe(Found placeholder)
    {
        ArgumentNullException.ThrowIfNull(placeholder);
        return $"'{placeholder.Id}' is a placeholder (ten zeros after the prefix), not a real id; put the {placeholder.What} here: `pulumi up` refuses to run while a placeholder is left";
    }

    private static void Add(List<Found> found, string path, string id, string what)
    {
        if (IsPlaceholder(id))
        {
            found.Add(new Found(path, id, what));
        }
    }

    [GeneratedRegex("^(sg|rtb|pl)-0{10}[0-9a-f]{7}$")]
    private static partial Regex Form();
}
