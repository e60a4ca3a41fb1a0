namespace Infra.Blueprints.Databases;

/// <summary>
/// The master password of a global database: Secrets Manager cannot manage it for a cluster of a
/// global database (Aurora User Guide, "Limitations for Secrets Manager integration"), so it is
/// generated once at creation, handed to the cluster and to Vault's connection, and kept in a
/// secret whose home is <see cref="Region"/> with a replica in <see cref="ReplicaRegion"/>: the
/// break-glass copy is readable in either region. Once the bootstrap moved Vault to its own user,
/// only a person uses this password, and the copy stays valid; a reset writes the new password here
/// first (docs/dr.md).
/// </summary>
/// <param name="Region">The global cluster's region: stable across switches, so the secret never moves.</param>
/// <param name="ExcludedCharacters">What RDS refuses in a master password (/ " @) and what would need quoting in SQL or a shell.</param>
public sealed record MasterSecretBlueprint(
    string SecretName,
    string Region,
    string ReplicaRegion,
    int PasswordLength,
    string ExcludedCharacters,
    int RecoveryWindowDays);
