using Infra.Blueprints.Definition;

namespace Infra.Blueprints.Vault;

/// <summary>The names this program gives in Vault, in one place so that every component agrees.</summary>
public static class VaultNames
{
    public const string PkiMount = "pki-internal";
    public const string DatabaseMount = "database";
    public const string AwsAuthPath = "aws";

    /// <summary>The issuer of the services' certificates on <see cref="PkiMount"/> (people's VPN certificates have their own).</summary>
    public const string ServicesIssuer = "services-intermediate";

    public static string ServicePolicy(string service) => $"service-{service}";

    /// <summary>
    /// The <c>X-Vault-AWS-IAM-Server-ID</c> value of the AWS auth backend and of the agents' logins: the Vault's host name,
    /// so that a signed login request made for this Vault cannot be replayed against another one.
    /// </summary>
    public static string IamServerIdHeader(PlatformEndpoints endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints.Vault.Host;
    }

    /// <summary>The AWS auth role a service's fleet in one region logs in with: Vault infers its instances in that region only.</summary>
    public static string FleetAuthRole(string service, string region) => $"{service}-{region}";

    public static string TeamPolicy(string team) => $"team-{team}";

    public static string DynamicDatabaseRole(string database, string service) => $"{database}-{service}";

    public static string StaticDatabaseRole(string database) => $"{database}-owner";

    /// <summary>The dynamic role of a person's temporary grant on a database; the connection allows <see cref="DatabaseGrantRoles"/>.</summary>
    public static string DatabaseGrantRole(string database, string person, string access) => $"{database}-grant-{person}-{access}";

    /// <summary>The glob of a database connection's <c>allowed_roles</c> that admits every grant role of that database.</summary>
    public static string DatabaseGrantRoles(string database) => $"{database}-grant-*";

    /// <summary>The Vault policy on a person's entity that lets them read the credentials of their database grants.</summary>
    public static string GrantPolicy(string person) => $"grant-{person}";

    /// <summary>The PostgreSQL group role a database grant joins (<c>read</c> or <c>write</c>); the schema migrations create and grant it.</summary>
    public static string GrantGroupRole(string database, string access) => database.Replace('-', '_') + "_" + access;

    /// <summary>The PostgreSQL owner of a database's schema (PostgreSQL names take no hyphen unquoted).</summary>
    public static string SchemaOwner(string database) => database.Replace('-', '_') + "_owner";

    /// <summary>The PostgreSQL group role a service's users join; the schema migrations grant it.</summary>
    public static string ServiceGroupRole(string service) => service.Replace('-', '_') + "_app";
}
