using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Databases;

/// <summary>
/// The Vault database secrets engine's connection to one database. Vault logs in as
/// <see cref="Username"/>, a role the database bootstrap creates with a one-time password that
/// Vault rotates at once (<see cref="RotateRootCommand"/>): after setup only Vault knows it, and it
/// never passes through config or state. The roles come from the <c>VaultBlueprint</c>.
/// </summary>
/// <param name="AllowedRoles">The dynamic and static roles of this database in the <c>VaultBlueprint</c>.</param>
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
    string RotateRootCommand)
{
    /// <summary>The connection URL for the writer endpoint; Vault fills in the user and password itself.</summary>
    public string ConnectionUrl(string writerEndpoint) =>
        $"postgresql://{{{{username}}}}:{{{{password}}}}@{writerEndpoint}:{Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{DatabaseName}?sslmode=require";
}
