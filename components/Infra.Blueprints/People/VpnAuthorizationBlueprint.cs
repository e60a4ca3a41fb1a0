namespace Infra.Blueprints.People;

/// <summary>
/// A Client VPN authorization rule: members of an identity-provider group may reach one network of the stack. A team's
/// rule names the team's group; a grant's or an on-call rota member's rule names the person's own group <c>person-&lt;id&gt;</c>.
/// </summary>
/// <param name="Owner">The team id, <c>grant-&lt;person&gt;</c> or <c>oncall-&lt;person&gt;</c>: with the network, the rule's resource name.</param>
public sealed record VpnAuthorizationBlueprint(string Owner, string Network, string AccessGroup, string Description);
