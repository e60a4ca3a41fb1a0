using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>A person's Vault identity entity and its alias on the people's login method (the alias name is the login).</summary>
public sealed record VaultIdentityBlueprint(string Person, string EntityName, string AliasName, string Email, EquatableList<string> Teams);
