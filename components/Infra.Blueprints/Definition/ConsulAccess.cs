namespace Infra.Blueprints.Definition;

/// <summary>Whether a team's members get a Consul ACL token, and what it may do.</summary>
public enum ConsulAccess
{
    None,
    Read,
    Write,
}
