using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>A team's internal Vault identity group: it carries the team policy, and its members are the entities of the people with access.</summary>
public sealed record VaultTeamGroupBlueprint(string Team, string GroupName, string Policy, EquatableList<string> Members);
