namespace Infra.Blueprints.Vault;

/// <summary>A static database role: the schema owner, whose password Vault rotates.</summary>
public sealed record DatabaseStaticRoleBlueprint(string Name, string Database, string Username, int RotationPeriodSeconds);
