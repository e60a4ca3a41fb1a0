using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>A dynamic database role: short-lived users for one service on one database.</summary>
public sealed record DatabaseRoleBlueprint(
    string Name,
    string Database,
    string Service,
    int DefaultTtlSeconds,
    int MaxTtlSeconds,
    EquatableList<string> CreationStatements,
    EquatableList<string> RevocationStatements);
