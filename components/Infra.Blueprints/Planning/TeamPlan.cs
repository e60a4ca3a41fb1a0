namespace Infra.Blueprints.Planning;

/// <summary>A team and how many people have access through it on the plan's day.</summary>
public sealed record TeamPlan(string Id, string Name, int ActiveMembers, int GitLabGroups, int VpnNetworks, string Consul);
