namespace Infra.Blueprints.People;

/// <summary>
/// A Client VPN authorization rule on the stack's endpoint in one region: members of an identity-provider group may reach
/// one network of the stack. A team's rule names the team's group; a grant's or an on-call rota member's rule names the
/// person's own group <c>person-&lt;id&gt;</c>. Every endpoint of the stack carries the same rules, so that whoever
/// reaches a network through one region's endpoint reaches it through the other's when that region is lost.
/// </summary>
/// <param name="Owner">The team id, <c>grant-&lt;person&gt;</c> or <c>oncall-&lt;person&gt;</c>.</param>
/// <param name="Region">The region of the endpoint the rule is on (<see cref="VpnEndpointBlueprint"/>).</param>
/// <param name="FormerKey">The rule's key before rules carried their region, for the primary region's rules only, as an
/// alias: the rules on the existing endpoint are renamed, not recreated (a duplicate rule would be refused).</param>
public sealed record VpnAuthorizationBlueprint(string Owner, string Network, string AccessGroup, string Description, string Region, string? FormerKey)
{
    /// <summary>The rule's name within the component: its region, owner and network, so a region switch renames none.</summary>
    public string Key => $"{Region}-{UnregionedKey(Owner, Network)}";

    /// <summary>The key of a rule named by its owner and network alone, as rules were before the second region's endpoint.</summary>
    public static string UnregionedKey(string owner, string network) => $"{owner}-{network.Replace('/', '-')}";
}
