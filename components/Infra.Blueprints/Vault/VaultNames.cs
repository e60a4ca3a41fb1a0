namespace Infra.Blueprints.Vault;

/// <summary>The names this program gives in Vault, in one place so that every component agrees.</summary>
public static class VaultNames
{
    public const string PkiMount = "pki-internal";
    public const string DatabaseMount = "database";
    public const string AwsAuthPath = "aws";

    public static string ServicePolicy(string service) => $"service-{service}";

    public static string TeamPolicy(string team) => $"team-{team}";

    public static string DynamicDatabaseRole(string database, string service) => $"{database}-{service}";

    public static string StaticDatabaseRole(string database) => $"{database}-owner";

    /// <summary>The PostgreSQL owner of a database's schema (PostgreSQL names take no hyphen unquoted).</summary>
    public static string SchemaOwner(string database) => database.Replace('-', '_') + "_owner";

    /// <summary>The PostgreSQL group role a service's users join; the schema migrations grant it.</summary>
    public static string ServiceGroupRole(string service) => service.Replace('-', '_') + "_app";
}
