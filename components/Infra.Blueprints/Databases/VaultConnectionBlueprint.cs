using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The Vault database secrets engine's connection to one database. It is created logging in as
/// <see cref="Username"/>, the master user, with the password generated at creation
/// (<see cref="MasterSecretBlueprint"/>), and checks the connection when it is written
/// (<see cref="VerifyConnection"/>), so a broken network path or TLS setup fails the apply. The
/// bootstrap (scripts/ops/bootstrap-database-vault.sh) then moves it to <c>vault_admin</c> and has
/// Vault rotate that user's password at once (<see cref="RotateRootCommand"/>): from then on only
/// Vault knows it, and the master user is break-glass only. TLS checks the server: <c>verify-full</c> against the RDS CA bundle,
/// a file on Vault's servers (pgx reads <c>sslrootcert</c> as a path there). The roles come from
/// the <c>VaultBlueprint</c>.
/// </summary>
/// <param name="AllowedRoles">The dynamic and static roles of this database in the <c>VaultBlueprint</c>.</param>
/// <param name="RdsCaBundlePath">Where Vault's servers keep the RDS CA bundle (their image installs it).</param>
public sealed record VaultConnectionBlueprint(
    string Name,
    string Backend,
    string PluginName,
    string Username,
    string DatabaseName,
    int Port,
    EquatableList<string> AllowedRoles,
    EquatableList<string> RootRotationStatements,
    string PasswordAuthentication,
    bool VerifyConnection,
    string RotateRootCommand,
    string RdsCaBundlePath)
{
    /// <summary>The connection URL for the writer endpoint; Vault fills in the user and password itself.</summary>
    public string ConnectionUrl(string writerEndpoint) =>
        $"postgresql://{{{{username}}}}:{{{{password}}}}@{writerEndpoint}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{DatabaseName}?sslmode=verify-full&sslrootcert={RdsCaBundlePath}";

    /// <summary>
    /// Points the existing connection at the cluster endpoint of <paramref name="clusterIdentifier"/>,
    /// the new writer after a switch. Vault merges an update into the stored connection, so the
    /// password it rotated stays, and it verifies the new connection before it keeps it. The apply
    /// never does this: it would send the generated password of the first apply, which Vault rotated.
    /// </summary>
    public string RepointCommand(string region, string clusterIdentifier) =>
        $"vault write {Backend}/config/{Name} connection_url=\"{ConnectionUrl($"$(aws rds describe-db-clusters --region {region} --db-cluster-identifier {clusterIdentifier} --query 'DBClusters[0].Endpoint' --output text)")}\"";
}
