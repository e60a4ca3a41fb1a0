namespace Infra.Blueprints.People;

/// <summary>The systems a team entitlement reaches, as the access report names them; a grant names its own (database, kafka, ...).</summary>
public static class AccessSystems
{
    public const string GitLab = "gitlab";
    public const string Vault = "vault";
    public const string Vpn = "vpn";
    public const string Consul = "consul";
}
