using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>A team's internal Vault identity group: it carries the team policy, and its members are the entities of the people with access.</summary>
/// <param name="Type"><c>internal</c>: this program sets the members; an <c>external</c> group would take them from the identity provider.</param>
public sealed record VaultTeamGroupBlueprint(string Team, string GroupName, string Policy, EquatableList<string> Members, string Type);
