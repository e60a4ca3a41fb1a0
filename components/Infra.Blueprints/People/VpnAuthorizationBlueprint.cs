namespace Infra.Blueprints.People;

/// <summary>A Client VPN authorization rule: members of a team's identity-provider group may reach one network of the stack.</summary>
public sealed record VpnAuthorizationBlueprint(string Team, string Network, string AccessGroup, string Description);
