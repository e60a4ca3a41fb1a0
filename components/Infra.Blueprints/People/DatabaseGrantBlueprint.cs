using Infra.Blueprints.Definition;

namespace Infra.Blueprints.People;

/// <summary>
/// A temporary database grant as a Vault dynamic database role on the database's connection, which only the person's
/// entity may read (through the policy <see cref="PeopleAccessBlueprint.GrantPolicies"/> gives it). The creation statements
/// refuse a user once the grant has ended and never let one outlive it (<c>VALID UNTIL</c> the earlier of the lease's end and
/// <see cref="EndsAt"/>); the next run after <see cref="EndsAt"/> deletes the role.
/// </summary>
/// <param name="Connection">The database's connection in Vault's database engine (its name).</param>
public sealed record DatabaseGrantBlueprint(
    string Person,
    string Database,
    string Access,
    string Backend,
    string Connection,
    string RoleName,
    int DefaultTtlSeconds,
    int MaxTtlSeconds,
    EquatableList<string> CreationStatements,
    EquatableList<string> RevocationStatements,
    DateTimeOffset EndsAt);
