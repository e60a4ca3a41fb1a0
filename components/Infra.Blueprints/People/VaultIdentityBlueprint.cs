using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// A person's Vault identity entity and its alias on the people's login method (the alias name is the login).
/// The entity carries, in its metadata, what the people rules check without the catalog: when the person's access
/// ends (<see cref="AccessEnds"/>, a day or a time; null: no end) and whether they are in a platform team.
/// </summary>
/// <param name="Policies">The policies on the entity itself: the person's grant policy while they hold a database grant (team policies come through groups).</param>
/// <param name="Disabled">
/// A leaver's entity, kept disabled for <see cref="PeopleAccessBlueprints.LeaverEntityKept"/> after their access ended: Vault refuses
/// every token of a disabled entity and every new login through its alias, from the update that disables it.
/// </param>
public sealed record VaultIdentityBlueprint(string Person, string EntityName, string AliasName, string Email, EquatableList<string> Teams, string? AccessEnds, bool PlatformTeam,
    EquatableList<string> Policies, bool Disabled);
